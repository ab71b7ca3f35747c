using System.Collections.Immutable;
using System.Globalization;
using Functional.NN.Data;
using Functional.NN.Model;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>Parameters read from a safetensors file for a given network, with what its metadata says.</summary>
/// <param name="Parameters">The numbers, checked against the network.</param>
/// <param name="Standardizer">The input standardizer from <c>input_mean</c>/<c>input_std</c>, or None.</param>
/// <param name="Experiment">The <c>experiment</c> metadata entry, or None.</param>
internal sealed record SafetensorsWeights(Parameters Parameters, Option<Standardizer> Standardizer, Option<string> Experiment);

/// <summary>
/// A network's parameters in the safetensors layout of <c>torch.nn.Linear</c> layers (docs/safetensors.md):
/// one <c>F64</c> tensor per parameter, <c>layers.{l}.weight</c> of shape [units, inputs] (our W is stored
/// [units x inputs] already, so no transpose) and <c>layers.{l}.bias</c> of shape [units], layers from 0, in
/// layer order; the architecture and the input standardizer go into <c>__metadata__</c>
/// (<see cref="SafetensorsMetadata"/>). Numbers travel bit for bit both ways.
/// </summary>
internal static class SafetensorsModel
{
    /// <summary>The name of layer <paramref name="layer"/>'s (from 0) weight tensor.</summary>
    public static string WeightName(int layer) => string.Create(CultureInfo.InvariantCulture, $"layers.{layer}.weight");

    /// <summary>The name of layer <paramref name="layer"/>'s (from 0) bias tensor.</summary>
    public static string BiasName(int layer) => string.Create(CultureInfo.InvariantCulture, $"layers.{layer}.bias");

    /// <summary>The bytes of a safetensors file holding <paramref name="parameters"/> of <paramref name="network"/>.</summary>
    public static Fin<byte[]> Encode(Network network, Parameters parameters, Option<Standardizer> standardizer, string experiment)
    {
        if (!parameters.Fits(network)) return Error.New($"the parameters {parameters.Describe()} do not fit the network {network}");
        return SafetensorsMetadata.Describe(network, standardizer, experiment).Map(metadata =>
        {
            var tensors = new List<SafetensorsTensor>();
            for (var l = 0; l < parameters.Count; l++)
            {
                var (w, b) = (parameters[l].Weights, parameters[l].Bias);
                tensors.Add(SafetensorsTensor.OfFloat64(WeightName(l), [w.Rows, w.Columns], w.Span));
                tensors.Add(SafetensorsTensor.OfFloat64(BiasName(l), [b.Length], b.Span));
            }
            return SafetensorsWriter.Encode(tensors, metadata);
        });
    }

    /// <summary>Writes <paramref name="path"/> atomically with <see cref="Encode"/>'s bytes.</summary>
    public static Fin<Unit> Save(string path, Network network, Parameters parameters, Option<Standardizer> standardizer, string experiment) =>
        from bytes in Encode(network, parameters, standardizer, experiment)
        from _ in AtomicFile.WriteAllBytes(path, bytes)
        select Prelude.unit;

    /// <summary>The parameters of <paramref name="network"/> in the safetensors file at <paramref name="path"/>.</summary>
    public static Fin<SafetensorsWeights> Load(string path, Network network) =>
        from contents in SafetensorsReader.Read(path)
        from weights in Weights(path, contents, network)
        select weights;

    /// <summary>
    /// The parameters of <paramref name="network"/> in <paramref name="contents"/> (read from <paramref name="source"/>):
    /// every missing, extra, mis-shaped or non-F64 tensor is named in one error, as is metadata that describes
    /// another network.
    /// </summary>
    public static Fin<SafetensorsWeights> Weights(string source, SafetensorsContents contents, Network network)
    {
        var byName = contents.Tensors.ToDictionary(t => t.Name, StringComparer.Ordinal);
        var expected = Enumerable.Range(0, network.Layers.Length)
            .SelectMany(l => new[] { (Name: WeightName(l), Shape: ImmutableArray.Create<long>(network.Layers[l].Units, network.InputsOf(l))),
                                     (Name: BiasName(l), Shape: ImmutableArray.Create<long>(network.Layers[l].Units)) })
            .ToList();
        var missing = expected.Where(e => !byName.ContainsKey(e.Name)).Select(e => $"{e.Name} {SafetensorsTensor.ShapeOf(e.Shape)}").ToList();
        var extra = byName.Keys.Except(expected.Select(e => e.Name), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var layout = Validated.All([
            Validated.Check(missing.Count == 0, () => $"missing tensor(s) {string.Join(", ", missing)}"),
            Validated.Check(extra.Count == 0, () => $"unexpected tensor(s) {string.Join(", ", extra)} (the network {network} has {network.Layers.Length} layers)"),
            .. expected.Where(e => byName.ContainsKey(e.Name)).Select(e => TensorCheck(e.Name, e.Shape, byName[e.Name])),
        ]).ToFin(problems => $"{source}: {problems}{(missing.Count > 0 ? $"; the file holds {Names(contents)}; see docs/safetensors.md for the layout" : "")}");
        if (layout.IsFail) return layout.Map(_ => default(SafetensorsWeights)!);

        var layers = Enumerable.Range(0, network.Layers.Length).Select(l => new LayerTensors(
            Tensor.FromRowMajor(network.Layers[l].Units, network.InputsOf(l), byName[WeightName(l)].ToFloat64()).ThrowIfFail(),
            Tensor.RowVector(byName[BiasName(l)].ToFloat64())));
        return from parameters in Parameters.Create(network, layers).Prefixed(source)
               from _ in SafetensorsMetadata.CheckArchitecture(contents.Metadata, network).Prefixed(source)
               from standardizer in SafetensorsMetadata.Standardizer(contents.Metadata, network).Prefixed(source)
               select new SafetensorsWeights(parameters, standardizer,
                   contents.Metadata.TryGetValue("experiment", out var experiment) ? Option<string>.Some(experiment) : Option<string>.None);
    }

    /// <summary>A tensor of the layout is float64 and has the shape of its layer.</summary>
    private static Validation<Error, Unit> TensorCheck(string name, ImmutableArray<long> shape, SafetensorsTensor tensor) =>
        tensor.DType != SafetensorsTensor.Float64
            ? Validated.Problem<Unit>($"{name} is {tensor.DType}, expected {SafetensorsTensor.Float64} (save float64 tensors, e.g. tensor.double())")
            : Validated.Check(tensor.Shape.SequenceEqual(shape), () =>
                $"{name} has shape {tensor.ShapeText}, expected {SafetensorsTensor.ShapeOf(shape)}{(name.EndsWith(".weight", StringComparison.Ordinal) ? " ([units, inputs], as torch.nn.Linear stores it)" : "")}");

    private static Fin<T> Prefixed<T>(this Fin<T> value, string source) =>
        value.Match(Succ: Fin<T>.Succ, Fail: e => Fin<T>.Fail(Error.New($"{source}: {e.Message}")));

    private static string Names(SafetensorsContents contents) =>
        contents.Tensors.IsEmpty ? "no tensors"
            : string.Join(", ", contents.Tensors.Take(8).Select(t => t.Name)) + (contents.Tensors.Length > 8 ? $", ... ({contents.Tensors.Length} in all)" : "");
}
