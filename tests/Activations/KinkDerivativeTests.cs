using Functional.NN.Activations;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Activations;

/// <summary>
/// The derivative exactly at the kink z = 0 (and -0), where the gradient properties never look (they keep |z| away
/// from it): PyTorch's convention, computed with Debian's python3-torch 1.13 in float64 by autograd on zeros:
/// relu → 0, leaky_relu(slope 0.05) → 0.05, elu(α 0.5) → 0.5, elu(α 2) → 2. Checked through the scalar rule and
/// through the span rule on a row long enough for the vector loop and its scalar tail.
/// </summary>
public sealed class KinkDerivativeTests
{
    public static TheoryData<string, double> Conventions => new()
    {
        { "relu", 0.0 },
        { "leaky_relu 0.05", 0.05 },
        { "elu 0.5", 0.5 },
        { "elu 2", 2.0 },
    };

    [Theory]
    [MemberData(nameof(Conventions))]
    public void Derivative_at_zero_follows_pytorch(string name, double expected)
    {
        var activation = Of(name);
        foreach (var z in new[] { 0.0, -0.0 })
            Assert.Equal(expected, activation.Derivative(z, activation.Value(z)));
    }

    [Theory]
    [MemberData(nameof(Conventions))]
    public void Backward_over_a_row_of_zeros_follows_pytorch(string name, double expected)
    {
        var activation = Of(name);
        const int length = 37;
        var z = Tensor.RowVector(new double[length]);
        var a = activation.Apply(z);
        var upstream = Tensor.RowVector(Enumerable.Repeat(3.0, length).ToArray());
        var result = activation.Backward(z, a, upstream);
        for (var i = 0; i < length; i++) Assert.Equal(3.0 * expected, result[0, i]);
    }

    private static ElementwiseActivation Of(string name) => name switch
    {
        "relu" => new Relu(),
        "leaky_relu 0.05" => new LeakyRelu(0.05),
        "elu 0.5" => new Elu(0.5),
        _ => new Elu(2.0),
    };
}
