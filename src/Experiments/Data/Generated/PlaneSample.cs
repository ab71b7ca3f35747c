namespace Functional.NN.Experiments.Data.Generated;

/// <summary>One generated example before noise: a point of the plane and its class.</summary>
/// <param name="X">First feature.</param>
/// <param name="Y">Second feature.</param>
/// <param name="Class">Class index, 0 or 1.</param>
internal readonly record struct PlaneSample(double X, double Y, int Class);

/// <summary>
/// Draws the noise-free example number <paramref name="index"/> (0-based) from <paramref name="random"/>.
/// Must consume the same count of random numbers whatever the noise level.
/// </summary>
internal delegate PlaneSample PlaneSampler(SplitMix64 random, int index);
