using Functional.NN.Data;

namespace Functional.NN.Onnx;

/// <summary>
/// The ONNX nodes of an input <see cref="Standardizer"/>, x' = (x - μ)/s per feature, as
/// <see cref="Standardizer.Apply{T}(Tensors.Tensor{T})"/> computes it: one <c>Sub</c> of the mean and one <c>Div</c>
/// by the scale, both <c>[features]</c> initializers (<c>input.mean</c>, <c>input.scale</c>) that broadcast
/// over the batch. An exported model that starts with them takes raw inputs.
/// </summary>
internal static class OnnxStandardization
{
    /// <summary>The name of the standardized input the first layer reads.</summary>
    public const string StandardizedName = "input.standardized";

    /// <summary>The nodes that read <paramref name="input"/> (raw features) and write <see cref="StandardizedName"/>, with their constants.</summary>
    public static OnnxFragment Nodes(Standardizer standardizer, string input) =>
        new([
            OnnxNode.Binary("input.subtract_mean", "Sub", input, "input.mean", "input.centered"),
            OnnxNode.Binary("input.divide_by_scale", "Div", "input.centered", "input.scale", StandardizedName),
        ], [
            new OnnxInitializer("input.mean", [standardizer.FeatureCount], [.. standardizer.Mean.ToArray()]),
            new OnnxInitializer("input.scale", [standardizer.FeatureCount], [.. standardizer.Scale.ToArray()]),
        ]);
}
