using Functional.NN.Randomness;

namespace Functional.NN.Experiments.Data.Generated;

/// <summary>
/// The SplitMix64 pseudo-random generator (Steele, Lea and Flood 2014; the reference code is Vigna's
/// <c>splitmix64.c</c>), used for generated data sets instead of <see cref="System.Random"/>, whose
/// algorithm is not guaranteed to stay the same across .NET versions. The stream of 64-bit numbers for a
/// seed is the same on every machine, because it uses only 64-bit integer additions, shifts, xors and
/// multiplications. The numbers come from Core's <see cref="RandomKey"/> (whose <c>Bits(i)</c> is exactly the
/// SplitMix64 stream of its seed); this class only keeps the position in that stream.
/// </summary>
/// <remarks>
/// A generator owns mutable state: create one per data set from the seed and draw from it in a fixed,
/// documented order.
/// </remarks>
internal sealed class SplitMix64(ulong seed)
{
    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    private readonly RandomKey _key = RandomKey.FromSeed(seed);
    private long _index;

    /// <summary>The next 64 random bits: Core's <see cref="RandomKey.Bits"/> at the next index, which is the SplitMix64 stream.</summary>
    public ulong NextUInt64() => _key.Bits(_index++);

    /// <summary>A uniform number in [0, 1) from the top 53 bits (as <see cref="RandomKey.Uniform"/>).</summary>
    public double NextUnit() => (NextUInt64() >> 11) * TwoToMinus53;

    /// <summary>A uniform number in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public double NextUniform(double low, double high) => low + (high - low) * NextUnit();

    /// <summary>
    /// A standard normal number by the Box-Muller transform: from two uniforms u1 in (0, 1] and u2 in
    /// [0, 1), <c>sqrt(-2 ln u1) cos(2 pi u2)</c>. Always consumes exactly two numbers of the stream; the
    /// sine branch is not used.
    /// </summary>
    public double NextGaussian()
    {
        var u1 = 1.0 - NextUnit();
        var u2 = NextUnit();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
