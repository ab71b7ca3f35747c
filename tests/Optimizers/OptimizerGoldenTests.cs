using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Functional.NN.Tests.Goldens;
using Xunit;
using Xunit.Abstractions;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// Every optimizer run of every reference case against torch.optim in float64: the loss after each step,
/// the parameters after step 1 and after the last step, with the gradient recomputed on the same batch
/// before each step.
/// </summary>
public sealed class OptimizerGoldenTests(ITestOutputHelper output)
{
    /// <summary>One row per (case, optimizer key) in ../shared/goldens and FNN_GOLDENS.</summary>
    public static IEnumerable<object[]> Runs =>
        ReferenceCases.All().SelectMany(c =>
            c.Optimizers.Keys.Order(StringComparer.Ordinal).Select(key => new object[] { c.Name, key }));

    [SkippableTheory]
    [MemberData(nameof(Runs))]
    public void Trajectory_matches_torch_optim(string caseName, string optimizerKey)
    {
        var c = ReferenceCases.Named(caseName);
        var run = c.Optimizers[optimizerKey];
        var built = ReferenceModel.Build(c);
        Skip.If(built.IsFail, $"{c} {optimizerKey}: model not supported yet: {built.Match(_ => "", e => e.Message)}");
        var optimizer = GoldenOptimizers.FromHyper(run.Hyper);
        Skip.If(optimizer.IsFail, $"{c} {optimizerKey}: optimizer not supported: {optimizer.Match(_ => "", e => e.Message)}");
        var (network, initial, batch) = built.ThrowIfFail();
        var opt = optimizer.ThrowIfFail();
        Assert.Equal(run.Steps + 1, run.Losses.Length);

        var worst = new WorstError();
        var parameters = initial;
        var state = opt.Init(parameters);
        var start = Backpropagation.ValueAndGradient(network, parameters, batch);
        worst.Close(run.Losses[0], start.Value, $"{c} {optimizerKey} loss 0");
        var gradients = start.Gradients;
        for (var step = 1; step <= run.Steps; step++)
        {
            (parameters, state) = opt.Step(parameters, gradients, state);
            var next = Backpropagation.ValueAndGradient(network, parameters, batch);
            worst.Close(run.Losses[step], next.Value, $"{c} {optimizerKey} loss {step}");
            gradients = next.Gradients;
            if (step == 1) worst.Close(run.ParamsAfterStep1, parameters, $"{c} {optimizerKey} after step 1");
        }
        worst.Close(run.ParamsFinal, parameters, $"{c} {optimizerKey} after step {run.Steps}");
        output.WriteLine($"{c.Name} {optimizerKey} [{opt.Name}]: largest relative error {worst.Error:E3} at {worst.Where}");
    }

    /// <summary>Compares with <see cref="Tolerance"/> and remembers the largest |a−b|/max(1,|b|) seen.</summary>
    private sealed class WorstError
    {
        public double Error { get; private set; }
        public string Where { get; private set; } = "nowhere";

        public void Close(double expected, double actual, string where)
        {
            var relative = Math.Abs(actual - expected) / Math.Max(1.0, Math.Abs(expected));
            if (!(relative <= Error)) (Error, Where) = (relative, where);
            Tolerance.Close(expected, actual, where);
        }

        public void Close(GoldenLayer[] expected, Parameters actual, string where)
        {
            Assert.Equal(expected.Length, actual.Count);
            for (var l = 0; l < expected.Length; l++)
            {
                Close(expected[l].W, actual[l].Weights, $"{where} layer {l + 1} W");
                Close([expected[l].B], actual[l].Bias, $"{where} layer {l + 1} b");
            }
        }

        private void Close(double[][] expected, Tensor actual, string where)
        {
            Assert.True(expected.Length == actual.Rows && expected.All(r => r.Length == actual.Columns),
                $"{where}: expected [{expected.Length} x {expected.FirstOrDefault()?.Length ?? 0}], got {actual.ShapeText}");
            for (var r = 0; r < expected.Length; r++)
                for (var col = 0; col < expected[r].Length; col++)
                    Close(expected[r][col], actual[r, col], $"{where}[{r},{col}]");
        }
    }
}
