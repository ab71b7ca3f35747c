using FsCheck.Fluent;
using Xunit;
using Xunit.Abstractions;

namespace Functional.NN.Tests.Oracle;

/// <summary>
/// The oracle's tolerance is not vacuous: over generated cases, the bound of the median gradient entry is
/// some tens of ulps of the entry (about 60 when measured; the limit here is 256, i.e. 3e-14 relative), so a
/// result off by 1e-13 relative is caught; and no generated case escapes judgement through an overflow.
/// </summary>
public sealed class OracleToleranceTests(ITestOutputHelper output)
{
    [Fact]
    public void Bound_of_the_median_entry_is_at_most_256_ulps()
    {
        var ratios = new List<double>();
        var unjudged = 0;
        foreach (var loss in OracleGenerators.Losses)
        foreach (var c in OracleGenerators.Cases(loss, OracleGenerators.Elementwise).Sample(20, 60))
        {
            var oracle = OracleNetwork.ValueAndGradient(c.Layers, c.Loss, c.Inputs, c.Targets);
            var entries = oracle.Weights.SelectMany(w => w.SelectMany(r => r)).Concat(oracle.Bias.SelectMany(b => b)).Append(oracle.Loss);
            foreach (var e in entries)
            {
                var magnitude = Math.Abs(e.Value.ToDouble());
                if (!double.IsFinite(e.Error) || !double.IsFinite(magnitude)) unjudged++;
                else if (magnitude > 1e-300) ratios.Add(e.Error / (Tracked.U * magnitude));
            }
        }
        ratios.Sort();
        double At(double q) => ratios[(int)(q * (ratios.Count - 1))];
        output.WriteLine($"{ratios.Count} entries; bound in ulps of the entry: median {At(0.5):F1}, 90% {At(0.9):F1}, 99% {At(0.99):E2}; {unjudged} not finite");
        Assert.Equal(0, unjudged);
        Assert.True(At(0.5) <= 256, $"median bound {At(0.5):F1} ulps");
    }
}
