using FsCheck;
using FsCheck.Fluent;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;

namespace Functional.NN.Tests.Onnx;

/// <summary>A network, its parameters and a batch of inputs, for comparing our forward pass with ONNX Runtime.</summary>
public sealed record OnnxCase(Network Network, Parameters Parameters, Tensor Inputs)
{
    /// <inheritdoc />
    public override string ToString() =>
        $"{Network}, {Inputs.Rows} examples; parameters {string.Join(" | ", Parameters.Layers.Select(l => $"W {l.Weights} b {l.Bias}"))}; inputs {Inputs}";
}

/// <summary>Generated networks whose every layer uses one activation (softmax: tanh hidden layers, softmax output).</summary>
public static class OnnxNetworks
{
    private static Gen<double> Uniform(double bound) => Gen.Choose(-1_000_000, 1_000_000).Select(i => i * bound / 1_000_000.0);

    /// <summary>1 to 3 layers of 1 to 8 units, 1 to 8 inputs and examples, Xavier-scaled weights, inputs in [-3, 3].</summary>
    public static Arbitrary<OnnxCase> With(Activation activation) =>
        (from depth in Gen.Choose(1, 3)
         from widths in Gen.ArrayOf(Gen.Choose(activation is Softmax ? 2 : 1, 8), depth + 1)
         from examples in Gen.Choose(1, 8)
         let network = Build(activation, widths)
         from layers in Gen.CollectToArray(Enumerable.Range(0, depth), l => Layer(network.Layers[l].Units, network.InputsOf(l)))
         from inputs in Gen.ArrayOf(Uniform(3), examples * network.InputSize)
         select new OnnxCase(network, Parameters.Create(network, layers).ThrowIfFail(),
             Tensor.FromRowMajor(examples, network.InputSize, inputs).ThrowIfFail())).ToArbitrary();

    private static Network Build(Activation activation, int[] widths)
    {
        var hidden = activation is Softmax ? Activation.Tanh : activation;
        var loss = activation is Softmax ? Loss.SoftmaxCrossEntropy : Loss.MeanSquaredError;
        var layers = widths.Skip(1).Select((units, i) => new LayerSpec(units, i == widths.Length - 2 ? activation : hidden));
        return Network.Create(widths[0], layers, loss).ThrowIfFail();
    }

    private static Gen<LayerTensors> Layer(int units, int inputs) =>
        from w in Gen.ArrayOf(Uniform(1.5 * Math.Sqrt(6.0 / (units + inputs))), units * inputs)
        from b in Gen.ArrayOf(Uniform(0.5), units)
        select new LayerTensors(Tensor.FromRowMajor(units, inputs, w).ThrowIfFail(), Tensor.RowVector(b));
}
