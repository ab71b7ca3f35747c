using FsCheck;
using Functional.NN.Verification;
using Microsoft.FSharp.Core;

namespace Functional.NN.Testing;

/// <summary>How the gradient properties generate their inputs and judge a derivative.</summary>
/// <param name="MaxTest">How many generated inputs each check tries (FsCheck's MaxTest).</param>
/// <param name="Bound">Pre-activations z are drawn from [-Bound, Bound].</param>
/// <param name="MinimumDistanceFromZero">
/// When positive, every z keeps at least this far from 0: use it for a function with a kink at 0 (like ReLU),
/// where a central difference sees the average of both slopes. 0 (the default) also tests around 0.
/// </param>
/// <param name="Tolerance">The finite-difference step and tolerances; null for each property's default.</param>
/// <param name="Replay">
/// FsCheck's seed of an earlier failure, the pair printed after "Falsifiable, after N tests (M shrinks)",
/// to run exactly that sequence of inputs again; null for a fresh random run.
/// </param>
public sealed record GradientKitOptions(
    int MaxTest = 100,
    double Bound = 8,
    double MinimumDistanceFromZero = 0,
    GradientCheckOptions? Tolerance = null,
    (ulong Seed, ulong Gamma)? Replay = null)
{
    /// <summary>100 tests, z in [-8, 8], default tolerances, a fresh seed.</summary>
    public static GradientKitOptions Default { get; } = new();

    /// <summary>FsCheck's quick configuration that throws on failure, with this MaxTest and replay seed.</summary>
    public Config ToConfig()
    {
        var config = Config.QuickThrowOnFailure.WithMaxTest(MaxTest);
        return Replay is { } replay
            ? config.WithReplay(FSharpOption<FsCheck.Replay>.Some(new FsCheck.Replay(new Rnd(replay.Seed, replay.Gamma), FSharpOption<int>.None)))
            : config;
    }
}
