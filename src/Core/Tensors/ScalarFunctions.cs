using System.Numerics;
using MathNet.Numerics;

namespace Functional.NN.Tensors;

/// <summary>
/// Scalar functions that .NET's generic math lacks or computes less accurately, for any element type: evaluated in
/// double (a float widens exactly) and rounded to the element type once, so a double gets MathNet's own bits.
/// </summary>
internal static class ScalarFunctions
{
    /// <summary>log(1 + x), accurate for small |x| (.NET's <c>LogP1</c> is log(x + 1), which is not).</summary>
    public static T Log1p<T>(T x) where T : unmanaged, IFloatingPointIeee754<T> =>
        T.CreateTruncating(SpecialFunctions.Log1p(double.CreateTruncating(x)));
}
