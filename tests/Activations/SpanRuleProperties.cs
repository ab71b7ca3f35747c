using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;

namespace Functional.NN.Tests.Activations;

/// <summary>
/// The span rules that the passes call (a vector at a time where an activation has one) give, element by element, the
/// bits of the scalar rules <see cref="ElementwiseActivation.Value(double)"/> and
/// <see cref="ElementwiseActivation.Derivative(double, double)"/>, at every length (so every split between the vector
/// loop and its scalar tail) and on the edges: ±0, the kinks, ±1000, subnormals, infinities and NaN.
/// </summary>
public sealed class SpanRuleProperties
{
    private static readonly ElementwiseActivation[] Activations =
        [new Relu(), new LeakyRelu(0.05), new Elu(0.5), new Softplus(), new Gelu(), new Sigmoid(), new Tanh(), new Identity()];

    private static readonly double[] Edges =
        [0.0, -0.0, 1.0, -1.0, 1000.0, -1000.0, double.Epsilon, -double.Epsilon, double.PositiveInfinity, double.NegativeInfinity, double.NaN];

    private static Arbitrary<double[]> Rows() =>
        Gen.Sized(size => Gen.Choose(0, 41).SelectMany(length =>
            Gen.ArrayOf(Gen.OneOf(Gen.Elements(Edges), Gen.Choose(-4000, 4000).Select(k => k / 1000.0)), length)))
            .ToArbitrary();

    [Property(MaxTest = 200)]
    public Property Apply_over_a_span_is_the_scalar_value_of_each_element() =>
        Prop.ForAll(Rows(), z =>
        {
            foreach (var activation in Activations)
            {
                var a = new double[z.Length];
                activation.Apply(z, a);
                for (var i = 0; i < z.Length; i++)
                    if (BitConverter.DoubleToInt64Bits(a[i]) != BitConverter.DoubleToInt64Bits(activation.Value(z[i])))
                        return false.Label($"{activation.Name} at {i} of {z.Length}: z = {z[i]:R}, span {a[i]:R}");
            }
            return true.Label("all equal");
        });

    [Property(MaxTest = 200)]
    public Property Backward_over_a_span_is_upstream_times_the_scalar_derivative() =>
        Prop.ForAll(Rows(), z =>
        {
            var upstream = z.Select((_, i) => 0.5 + i).ToArray();
            foreach (var activation in Activations)
            {
                var a = z.Select(activation.Value).ToArray();
                var result = new double[z.Length];
                activation.Backward(z, a, upstream, result);
                for (var i = 0; i < z.Length; i++)
                {
                    var expected = upstream[i] * activation.Derivative(z[i], a[i]);
                    if (BitConverter.DoubleToInt64Bits(result[i]) != BitConverter.DoubleToInt64Bits(expected))
                        return false.Label($"{activation.Name} at {i} of {z.Length}: z = {z[i]:R}, span {result[i]:R}, scalar {expected:R}");
                }
            }
            return true.Label("all equal");
        });
}
