using System.Text;

namespace Functional.NN.Tests.App.Fuzz;

/// <summary>
/// Mutations of a valid input, drawn from a seeded <see cref="Random"/> so that every run makes the same ones:
/// truncations, bit flips, splices (a slice copied elsewhere, or a slice of another input), deletions,
/// and oversized fields (a run of digits made hundreds long, a 4- or 8-byte window set to its largest value,
/// a long run of one byte inserted).
/// </summary>
internal sealed class Mutations(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>The kinds, in the order <see cref="Next"/> cycles through them.</summary>
    public static readonly string[] Kinds = ["truncation", "bit flip", "splice", "deletion", "oversized field"];

    /// <summary>The <paramref name="index"/>-th mutation of <paramref name="original"/> (kind by index), and its kind.</summary>
    public (byte[] Bytes, string Kind) Next(byte[] original, int index, byte[]? other = null)
    {
        var kind = Kinds[index % Kinds.Length];
        return (kind switch
        {
            "truncation" => original[.._random.Next(original.Length)],
            "bit flip" => Flip(original),
            "splice" => Splice(original, other ?? original),
            "deletion" => Delete(original),
            _ => Oversize(original),
        }, kind);
    }

    private byte[] Flip(byte[] original)
    {
        var bytes = (byte[])original.Clone();
        for (var i = _random.Next(1, 5); i > 0; i--) bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
        return bytes;
    }

    private byte[] Splice(byte[] original, byte[] donor)
    {
        var from = _random.Next(donor.Length);
        var length = _random.Next(1, Math.Min(donor.Length - from, 256) + 1);
        var at = _random.Next(original.Length + 1);
        var replace = _random.Next(2) == 0 ? 0 : Math.Min(length, original.Length - at);
        return [.. original[..at], .. donor.AsSpan(from, length), .. original[(at + replace)..]];
    }

    private byte[] Delete(byte[] original)
    {
        var at = _random.Next(original.Length);
        var length = _random.Next(1, Math.Min(original.Length - at, 64) + 1);
        return [.. original[..at], .. original[(at + length)..]];
    }

    private byte[] Oversize(byte[] original)
    {
        switch (_random.Next(3))
        {
            case 0: // a run of digits made long: sizes, counts and numbers beyond any range
                var digits = Enumerable.Range(0, original.Length).Where(i => original[i] is >= (byte)'0' and <= (byte)'9').ToList();
                if (digits.Count > 0)
                {
                    var at = digits[_random.Next(digits.Count)];
                    var run = Encoding.ASCII.GetBytes(new string((char)('1' + _random.Next(9)), _random.Next(10, 400)));
                    return [.. original[..at], .. run, .. original[(at + 1)..]];
                }
                goto case 1;
            case 1: // a 4- or 8-byte window at its largest: binary lengths and dimensions
                var bytes = (byte[])original.Clone();
                var width = _random.Next(2) == 0 ? 4 : 8;
                var start = _random.Next(Math.Max(1, bytes.Length - width));
                for (var i = start; i < Math.Min(bytes.Length, start + width); i++) bytes[i] = i == start && _random.Next(2) == 0 ? (byte)0x7F : (byte)0xFF;
                return bytes;
            default: // a long run of one byte
                var position = _random.Next(original.Length + 1);
                var filler = new byte[_random.Next(1_000, 100_000)];
                Array.Fill(filler, (byte)"9a\"[{,\0\n"[_random.Next(8)]);
                return [.. original[..position], .. filler, .. original[position..]];
        }
    }
}
