using System.Collections.Immutable;

namespace Functional.NN.Randomness;

/// <summary>
/// A pure, counter-based random key in the manner of <c>jax.random</c>: a 64-bit value from which numbers
/// are computed, never drawn from hidden state. The same key gives the same numbers on every machine, and
/// child keys (<see cref="Fold"/>, <see cref="Split"/>) give independent streams, so that, for example,
/// layer l's initial weights depend only on (seed, l). Use each key for one purpose only: draw numbers
/// from it, or derive children from it, not both for unrelated things.
/// <para>The algorithm, in 64-bit unsigned arithmetic (all sums and products modulo 2^64):</para>
/// <list type="bullet">
/// <item><c>mix(x)</c> is the SplitMix64 finalizer: x ^= x &gt;&gt; 30; x *= 0xBF58476D1CE4E5B9;
/// x ^= x &gt;&gt; 27; x *= 0x94D049BB133111EB; x ^= x &gt;&gt; 31.</item>
/// <item>γ = 0x9E3779B97F4A7C15. <see cref="FromSeed"/>(s) is the key with state k = s.</item>
/// <item><see cref="Bits"/>(i) = mix(k + (i+1)·γ) for i = 0, 1, 2, ...: exactly the output sequence of the
/// SplitMix64 generator (Steele, Lea and Flood 2014; Vigna's <c>splitmix64.c</c>) seeded with k. For seed
/// 1234567 it begins 6457827717110365317, 3203168211198807973, 9817491932198370423.</item>
/// <item><see cref="Fold"/>(d) is the key with state mix(mix(k ^ 0x666F6C64) + (d+1)·γ), with d taken as a
/// 64-bit two's-complement number; <see cref="Split"/>(n)[j] is the key with state
/// mix(mix(k ^ 0x73706C6974) + (j+1)·γ). (The tags are "fold" and "split" in ASCII, so that fold and split
/// children differ.)</item>
/// <item><see cref="Uniform"/>(i) = (Bits(i) &gt;&gt; 11) · 2^-53, a multiple of 2^-53 in [0, 1).</item>
/// <item><see cref="Normal"/>(i) by Box-Muller on the pair p = ⌊i/2⌋: u = 1 - Uniform(2p) in (0, 1],
/// v = Uniform(2p+1), r = √(-2·ln u), θ = (2π)·v; Normal(2p) = r·cos θ and Normal(2p+1) = r·sin θ.</item>
/// <item><see cref="Below"/>(i, n) = ⌊Bits(i)·n / 2^64⌋, an integer in [0, n) (Lemire's multiply-shift,
/// without rejection; its bias is below n/2^64).</item>
/// </list>
/// <para>Bits, uniforms and integers are bit-for-bit the same everywhere. Normals go through the platform's
/// log, cos and sin, which may differ in the last bit between C libraries.</para>
/// </summary>
/// <param name="State">The key's 64-bit state k.</param>
public readonly record struct RandomKey(ulong State)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private const ulong FoldTag = 0x666F6C64UL;
    private const ulong SplitTag = 0x73706C6974UL;
    private const double TwoToMinus53 = 1.0 / (1UL << 53);

    /// <summary>The key for a seed: its state is the seed itself, so its <see cref="Bits"/> are SplitMix64(seed).</summary>
    public static RandomKey FromSeed(ulong seed) => new(seed);

    /// <summary>The child key for <paramref name="data"/> (a layer number, an epoch, ...), as <c>jax.random.fold_in</c>.</summary>
    public RandomKey Fold(long data) => new(Mix(Mix(State ^ FoldTag) + ((ulong)data + 1) * Gamma));

    /// <summary><paramref name="count"/> independent child keys, as <c>jax.random.split</c>; child j does not depend on the count.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="count"/> is negative.</exception>
    public ImmutableArray<RandomKey> Split(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var root = Mix(State ^ SplitTag);
        var keys = ImmutableArray.CreateBuilder<RandomKey>(count);
        for (var j = 0; j < count; j++) keys.Add(new RandomKey(Mix(root + ((ulong)j + 1) * Gamma)));
        return keys.MoveToImmutable();
    }

    /// <summary>The 64 random bits at position <paramref name="index"/> of this key's stream: mix(k + (index+1)·γ).</summary>
    public ulong Bits(long index) => Mix(State + ((ulong)index + 1) * Gamma);

    /// <summary>A uniform number in [0, 1) from the top 53 bits of <see cref="Bits"/>(index).</summary>
    public double Uniform(long index) => (Bits(index) >> 11) * TwoToMinus53;

    /// <summary>A standard normal number by Box-Muller on the pair of uniforms ⌊index/2⌋ (see the type's summary).</summary>
    public double Normal(long index)
    {
        var (first, second) = NormalPair(index / 2);
        return index % 2 == 0 ? first : second;
    }

    /// <summary>An integer in [0, <paramref name="bound"/>): the high 64 bits of Bits(index)·bound.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When <paramref name="bound"/> is less than 1.</exception>
    public int Below(long index, int bound)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bound, 1);
        return (int)Math.BigMul(Bits(index), (ulong)bound, out _);
    }

    /// <summary>The two normals of Box-Muller pair <paramref name="pair"/>, from uniforms 2·pair and 2·pair + 1.</summary>
    internal (double First, double Second) NormalPair(long pair)
    {
        var u = 1.0 - Uniform(2 * pair);
        var v = Uniform(2 * pair + 1);
        var r = Math.Sqrt(-2.0 * Math.Log(u));
        var theta = 2.0 * Math.PI * v;
        return (r * Math.Cos(theta), r * Math.Sin(theta));
    }

    /// <summary>The SplitMix64 finalizer (Stafford's "Mix13" variant).</summary>
    internal static ulong Mix(ulong x)
    {
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    /// <summary>The state in hexadecimal, for logs and manifests.</summary>
    public override string ToString() => $"RandomKey(0x{State:X16})";
}
