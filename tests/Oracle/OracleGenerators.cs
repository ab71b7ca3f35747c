using FsCheck;
using FsCheck.Fluent;

namespace Functional.NN.Tests.Oracle;

/// <summary>
/// Generators of <see cref="OracleCase"/>s that reach the edges: pre-activations exactly 0 (a first layer
/// of zeros, or zero input rows with a zero bias), inputs of ±1000, subnormal weights and inputs, a batch
/// of one, one-unit layers, and batches whose rows are all the same.
/// </summary>
public static class OracleGenerators
{
    /// <summary>The element-wise activations, with leaky_relu and elu also away from their default parameter.</summary>
    public static readonly OracleActivation[] Elementwise =
    [
        new("identity"), new("sigmoid"), new("tanh"), new("relu"), new("leaky_relu", 0.01), new("leaky_relu", 0.2),
        new("elu", 1.0), new("elu", 0.5), new("softplus"), new("gelu"),
    ];

    public static readonly string[] Losses = ["half_sse", "mse", "bce", "bce_logits", "softmax_ce"];

    private static readonly Gen<double> Uniform = Gen.Choose(-1_000_000, 1_000_000).Select(i => i / 1e6);

    /// <summary>±k·2^-1074 for k up to 2^20: subnormal numbers.</summary>
    private static readonly Gen<double> Subnormal =
        Gen.Zip(Gen.Choose(1, 1 << 20), Gen.Elements(-1.0, 1.0), (k, sign) => sign * k * double.Epsilon);

    /// <summary>Weights and biases: mostly in [-2, 2], sometimes 0, ±1 or subnormal.</summary>
    public static readonly Gen<double> Parameter = Gen.Frequency(
        (12, Uniform.Select(u => 2 * u)), (1, Gen.Constant(0.0)), (1, Gen.Elements(-1.0, 1.0)), (1, Subnormal));

    /// <summary>Inputs: mostly in [-3, 3], sometimes 0, ±1000 or subnormal.</summary>
    public static readonly Gen<double> Input = Gen.Frequency(
        (10, Uniform.Select(u => 3 * u)), (1, Gen.Constant(0.0)), (1, Gen.Elements(-1000.0, 1000.0)), (1, Subnormal));

    /// <summary>Cases for <paramref name="loss"/> with hidden activations from <paramref name="hidden"/>.</summary>
    public static Gen<OracleCase> Cases(string loss, IReadOnlyList<OracleActivation> hidden) =>
        from inputSize in Gen.Choose(1, 3)
        from depth in Gen.Choose(0, 2)
        from widths in Gen.ArrayOf(Gen.Choose(1, 3), depth)
        from activations in Gen.ArrayOf(Gen.Elements(hidden.AsEnumerable()), depth)
        from output in Gen.Elements(OutputsFor(loss))
        from outputUnits in Gen.Choose(output.Name == "softmax" ? 2 : 1, 3)
        from batch in Gen.Choose(1, 3)
        from duplicated in Gen.Frequency((3, Gen.Constant(false)), (1, Gen.Constant(true)))
        from zeroFirstLayer in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        let specs = widths.Zip(activations).Append((outputUnits, output)).ToArray()
        from layers in LayersOf(inputSize, specs, zeroFirstLayer)
        from firstRow in Gen.ArrayOf(Input, inputSize)
        from otherRows in Gen.ArrayOf(Gen.ArrayOf(Input, inputSize), batch - 1)
        from targets in Gen.ArrayOf(TargetRow(loss, outputUnits), batch)
        let inputs = duplicated ? Enumerable.Repeat(firstRow, batch).ToArray() : otherRows.Prepend(firstRow).ToArray()
        select new OracleCase(inputSize, layers, loss, inputs, duplicated ? Enumerable.Repeat(targets[0], batch).ToArray() : targets);

    /// <summary>The output activations <paramref name="loss"/> accepts (softmax and every element-wise one for the squared errors).</summary>
    public static IEnumerable<OracleActivation> OutputsFor(string loss) => loss switch
    {
        "bce" => [new("sigmoid")],
        "bce_logits" => [new("identity")],
        "softmax_ce" => [new("softmax")],
        _ => Elementwise.Append(new OracleActivation("softmax")),
    };

    private static Gen<OracleLayer[]> LayersOf(int inputSize, (int Units, OracleActivation Activation)[] specs, bool zeroFirstLayer)
    {
        Gen<OracleLayer> LayerOf(int index) =>
            from weights in Gen.ArrayOf(Gen.ArrayOf(Parameter, index == 0 ? inputSize : specs[index - 1].Units), specs[index].Units)
            from bias in Gen.ArrayOf(Parameter, specs[index].Units)
            select index == 0 && zeroFirstLayer
                ? new OracleLayer(weights.Select(w => new double[w.Length]).ToArray(), new double[bias.Length], specs[index].Activation)
                : new OracleLayer(weights, bias, specs[index].Activation);
        return Gen.CollectToArray(Enumerable.Range(0, specs.Length), LayerOf);
    }

    private static Gen<double[]> TargetRow(string loss, int units) => loss switch
    {
        "softmax_ce" => Gen.Choose(0, units - 1).Select(c => Enumerable.Range(0, units).Select(j => j == c ? 1.0 : 0.0).ToArray()),
        "bce" or "bce_logits" => Gen.ArrayOf(Gen.Frequency((2, Gen.Elements(0.0, 1.0)), (1, Uniform.Select(u => (u + 1) / 2))), units),
        _ => Gen.ArrayOf(Gen.Frequency((4, Uniform.Select(u => 2 * u)), (1, Gen.Constant(0.0))), units),
    };
}
