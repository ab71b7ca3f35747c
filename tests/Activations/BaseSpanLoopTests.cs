using Functional.NN.Activations;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Activations;

/// <summary>
/// The element-wise loops of <see cref="ElementwiseActivation"/> itself, which an activation defined outside the library
/// runs (the built-in ones override them): every element is f(z), and every backward element upstream · f'(z, a).
/// </summary>
public sealed class BaseSpanLoopTests
{
    /// <summary>An activation that keeps the base class's loops: f(z) = z³, f'(z) = 3z².</summary>
    private sealed record Cube : ElementwiseActivation
    {
        public override string Name => "cube";
        public override T Value<T>(T z) => z * z * z;
        public override T Derivative<T>(T z, T a) => T.CreateTruncating(3) * z * z;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(33)]
    public void The_base_loops_apply_the_rule_to_every_element(int length)
    {
        var cube = new Cube();
        var z = Tensor<double>.Build(1, length, (_, c) => c - 3.5);
        var upstream = Tensor<double>.Build(1, length, (_, c) => 0.5 + c);
        var a = cube.Apply(z);
        var back = cube.Backward(z, a, upstream);
        for (var c = 0; c < length; c++)
        {
            Assert.Equal(z[0, c] * z[0, c] * z[0, c], a[0, c]);
            Assert.Equal(upstream[0, c] * (3 * z[0, c] * z[0, c]), back[0, c]);
        }
    }
}
