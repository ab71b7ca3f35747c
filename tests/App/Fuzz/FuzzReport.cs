using System.Diagnostics;
using LanguageExt;
using Xunit;
using Xunit.Abstractions;

namespace Functional.NN.Tests.App.Fuzz;

/// <summary>
/// Runs mutations of one valid input through a loader and holds it to the rule of issue 12: every case ends in
/// an error value or a value (the exact original, for formats with a checksum), never an exception, within
/// <see cref="MaxMilliseconds"/> and <see cref="MaxAllocatedBytes"/>. Prints the counts (test output, and the file
/// named by FNN_FUZZ_REPORT when set, which .ci/run shows).
/// </summary>
internal static class FuzzReport
{
    /// <summary>The time one case may take.</summary>
    public const int MaxMilliseconds = 2_000;

    /// <summary>The bytes one case may allocate.</summary>
    public const long MaxAllocatedBytes = 256L * 1024 * 1024;

    /// <summary>The seed of every run.</summary>
    public const int Seed = 20261129;

    /// <summary>What a loader made of one input: an error, the original, or another valid value.</summary>
    public enum Outcome { Error, Original, Variant }

    /// <summary>Runs <paramref name="cases"/> mutations of <paramref name="original"/> through <paramref name="load"/>.</summary>
    /// <param name="output">The test's output.</param>
    /// <param name="loader">The loader's name in the report.</param>
    /// <param name="original">A valid input.</param>
    /// <param name="cases">How many mutations.</param>
    /// <param name="load">The loader, with the judgement of a success: original or variant.</param>
    /// <param name="variantsAllowed">False for checksummed formats: any success must be the original.</param>
    /// <param name="donor">Another valid input, spliced from.</param>
    public static void Run(ITestOutputHelper output, string loader, byte[] original, int cases,
        Func<byte[], Fin<Outcome>> load, bool variantsAllowed, byte[]? donor = null)
    {
        Assert.Equal(Outcome.Original, load(original).ThrowIfFail());
        var mutations = new Mutations(Seed + loader.Sum(c => c));
        var counts = new Dictionary<Outcome, int> { [Outcome.Error] = 0, [Outcome.Original] = 0, [Outcome.Variant] = 0 };
        var slowest = 0.0;
        var mostAllocated = 0L;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < cases; i++)
        {
            var (bytes, kind) = mutations.Next(original, i, donor);
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var clock = Stopwatch.StartNew();
            Fin<Outcome> result;
            try
            {
                result = load(bytes);
            }
            catch (Exception e)
            {
                throw new Xunit.Sdk.XunitException($"{loader}, case {i} ({kind}, {bytes.Length} bytes, seed {Seed}): {e.GetType().Name}: {e.Message}");
            }
            var ms = clock.Elapsed.TotalMilliseconds;
            var bytesAllocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
            slowest = Math.Max(slowest, ms);
            mostAllocated = Math.Max(mostAllocated, bytesAllocated);
            Assert.True(ms <= MaxMilliseconds, $"{loader}, case {i} ({kind}): {ms:0} ms");
            Assert.True(bytesAllocated <= MaxAllocatedBytes, $"{loader}, case {i} ({kind}): {bytesAllocated} bytes allocated");
            var outcome = result.Match(o => o, e =>
            {
                Assert.False(string.IsNullOrWhiteSpace(e.Message), $"{loader}, case {i}: an empty error message");
                Assert.True(e.Message.Length < 4_000, $"{loader}, case {i} ({kind}): an error message of {e.Message.Length} characters");
                return Outcome.Error;
            });
            Assert.True(variantsAllowed || outcome != Outcome.Variant, $"{loader}, case {i} ({kind}): a damaged file loaded as something else");
            counts[outcome]++;
        }
        var line = $"fuzz {loader}: {cases} cases (seed {Seed}; {string.Join(", ", Mutations.Kinds)}): {counts[Outcome.Error]} errors, " +
                   $"{counts[Outcome.Original]} exact originals, {counts[Outcome.Variant]} other valid values; " +
                   $"slowest {slowest:0} ms, most allocated {mostAllocated / 1024.0 / 1024.0:0.0} MB, {total.Elapsed.TotalSeconds:0.0} s in all";
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("FNN_FUZZ_REPORT") is { Length: > 0 } report)
            File.AppendAllText(report, line + Environment.NewLine);
    }
}
