using Functional.NN.Onnx;
using Functional.NN.Passes;
using Functional.NN.Testing;
using Xunit;

namespace Consumer.Tests;

public sealed class XorTests
{
    [Fact]
    public void Xor_is_learned()
    {
        var (network, parameters, batch) = XorTraining.Train().ThrowIfFail();
        Assert.True(ForwardPass.Loss(network, parameters, batch) < 1e-3);
        var predictions = ForwardPass.Predict(network, parameters, batch.Inputs);
        Assert.Equal([0.0, 1.0, 1.0, 0.0], Enumerable.Range(0, 4).Select(r => Math.Round(predictions[r, 0])));
    }

    [Fact]
    public void The_trained_network_backpropagates_correctly() =>
        GradientAssert.NetworkGradientIsCorrect(XorTraining.Train().ThrowIfFail().Network, new GradientKitOptions(MaxTest: 25));

    [Fact]
    public void The_trained_network_exports_to_onnx()
    {
        var (network, parameters, _) = XorTraining.Train().ThrowIfFail();
        Assert.True(OnnxExport.ToBytes(network, parameters).ThrowIfFail().Length > 100);
    }
}
