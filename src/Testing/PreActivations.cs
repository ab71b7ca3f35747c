using FsCheck;
using FsCheck.Fluent;
using Functional.NN.Tensors;

namespace Functional.NN.Testing;

/// <summary>Generators of pre-activation tensors z for activation and loss properties.</summary>
public static class PreActivations
{
    /// <summary>A number in [-bound, bound] on a grid of 2·10⁶ steps, at least <paramref name="minAbs"/> away from 0 when that is positive.</summary>
    public static Gen<double> Number(double bound, double minAbs = 0) =>
        Gen.Choose(-1_000_000, 1_000_000).Select(i =>
        {
            var x = i * (bound / 1_000_000.0);
            return minAbs <= 0 ? x : Math.CopySign(minAbs + Math.Abs(x) * (1 - minAbs / bound), i == 0 ? 1 : x);
        });

    /// <summary>Tensors of 1 to 4 rows and 1 to 4 columns with elements from <paramref name="element"/>.</summary>
    public static Gen<Tensor> Tensors(Gen<double> element, int maxColumns = 4) =>
        from rows in Gen.Choose(1, 4)
        from columns in Gen.Choose(1, maxColumns)
        from values in Gen.ArrayOf(element, rows * columns)
        select Tensor.FromRowMajor(rows, columns, values).ThrowIfFail();

    /// <summary>
    /// Tensors with elements in [-bound, bound], at least <paramref name="minAbs"/> away from 0, shrinking
    /// towards fewer rows, fewer columns and rounder numbers (<see cref="Shrink"/>).
    /// </summary>
    public static Arbitrary<Tensor> Arbitrary(double bound, double minAbs = 0) =>
        Arb.From(Tensors(Number(bound, minAbs)), z => Shrink(z, minAbs));

    /// <summary>
    /// The immediate shrinks of <paramref name="z"/>: its first row alone, its first column alone, then every
    /// element rounded to 0, 1 or 2 decimals (keeping |z| ≥ <paramref name="minAbs"/>).
    /// </summary>
    public static IEnumerable<Tensor> Shrink(Tensor z, double minAbs = 0)
    {
        if (z.Rows > 1) yield return Tensor.Build(1, z.Columns, (_, c) => z[0, c]);
        if (z.Columns > 1) yield return Tensor.Build(z.Rows, 1, (r, _) => z[r, 0]);
        foreach (var decimals in new[] { 0, 1, 2 })
        {
            var rounded = z.Map(x => Math.Round(x, decimals));
            if (!rounded.Equals(z) && rounded.Span.ToArray().All(x => Math.Abs(x) >= minAbs)) yield return rounded;
        }
    }
}
