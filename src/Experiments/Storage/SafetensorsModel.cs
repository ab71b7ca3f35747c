using System.Collections.Immutable;
using System.Globalization;
using System.Numerics;
using Functional.NN.Data;
using Functional.NN.Model;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>Parameters read from a safetensors file for a given network, with what its metadata says.</summary>
/// <param name="Standardizer">The input standardizer from <c>input_mean</c>/<c>input_std</c>, or None.</param>
/// <param name="Experiment">The <c>experiment</c> metadata entry, or None.</param>
internal abstract record SafetensorsWeights(Option<Standardizer> Standardizer, Option<string> Experiment)
{
    /// <summary>The element type of the tensors: float64 for <c>F64</c>, float32 for <c>F32</c>.</summary>
    public abstract ElementType ElementType { get; }

    /// <summary>The model of <paramref name="network"/> with these weights and standardizer, for the experiment <paramref name="experiment"/>.</summary>
    public abstract Fin<TrainedModel> Model(Network network, string experiment);
}

/// <summary>Parameters of <typeparamref name="T"/> read from a safetensors file.</summary>
/// <param name="Parameters">The numbers, checked against the network.</param>
/// <param name="Standardizer">The input standardizer from <c>input_mean</c>/<c>input_std</c>, or None.</param>
/// <param name="Experiment">The <c>experiment</c> metadata entry, or None.</param>
internal sealed record SafetensorsWeights<T>(Parameters<T> Parameters, Option<Standardizer> Standardizer, Option<string> Experiment)
    : SafetensorsWeights(Standardizer, Experiment) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc />
    public override ElementType ElementType => ElementTypes.Of<T>();

    /// <inheritdoc />
    public override Fin<TrainedModel> Model(Network network, string experiment) =>
        TrainedModel.Create(network, Parameters, Standardizer, experiment).Map(m => (TrainedModel)m);
}

/// <summary>
/// A network's parameters in the safetensors layout of <c>torch.nn.Linear</c> layers (docs/safetensors.md):
/// one <c>F64</c> (float64 model) or <c>F32</c> (float32 model) tensor per parameter, <c>layers.{l}.weight</c> of shape [units, inputs] (our W is stored
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
    public static Fin<byte[]> Encode<T>(Network network, Parameters<T> parameters, Option<Standardizer> standardizer, string experiment)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!parameters.Fits(network)) return Error.New($"the parameters {parameters.Describe()} do not fit the network {network}");
        return SafetensorsMetadata.Describe(network, standardizer, experiment).Map(metadata =>
        {
            var tensors = new List<SafetensorsTensor>();
            for (var l = 0; l < parameters.Count; l++)
            {
                var (w, b) = (parameters[l].Weights, parameters[l].Bias);
                tensors.Add(SafetensorsTensor.Of(WeightName(l), [w.Rows, w.Columns], w.Span));
                tensors.Add(SafetensorsTensor.Of(BiasName(l), [b.Length], b.Span));
            }
            return SafetensorsWriter.Encode(tensors, metadata);
        });
    }

    /// <summary>Writes <paramref name="path"/> atomically with <see cref="Encode"/>'s bytes.</summary>
    public static Fin<Unit> Save<T>(string path, Network network, Parameters<T> parameters, Option<Standardizer> standardizer, string experiment)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        from bytes in Encode(network, parameters, standardizer, experiment)
        from _ in AtomicFile.WriteAllBytes(path, bytes)
        select Prelude.unit;

    /// <summary>The parameters of <paramref name="network"/> in the safetensors file at <paramref name="path"/>.</summary>
    public static Fin<SafetensorsWeights> Load(string path, Network network) =>
        from contents in SafetensorsReader.Read(path)
        from weights in Weights(path, contents, network)
        select weights;

    /// <summary>
    /// The parameters of <paramref name="network"/> in <paramref name="contents"/> (read from <paramref name="source"/>), float32
    /// when <c>layers.0.weight</c> is <c>F32</c> and float64 otherwise: every missing, extra, mis-shaped or other-typed tensor
    /// is named in one error, as is metadata that describes another network.
    /// </summary>
    public static Fin<SafetensorsWeights> Weights(string source, SafetensorsContents contents, Network network) =>
        contents.Tensors.Any(t => t.Name == WeightName(0) && t.DType == SafetensorsTensor.Float32)
            ? Weights<float>(source, contents, network).Map(w => (SafetensorsWeights)w)
            : Weights<double>(source, contents, network).Map(w => (SafetensorsWeights)w);

    private static Fin<SafetensorsWeights<T>> Weights<T>(string source, SafetensorsContents contents, Network network)
        where T : unmanaged, IFloatingPointIeee754<T>
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
            .. expected.Where(e => byName.ContainsKey(e.Name)).Select(e => TensorCheck<T>(e.Name, e.Shape, byName[e.Name])),
        ]).ToFin(problems => $"{source}: {problems}{(missing.Count > 0 ? $"; the file holds {Names(contents)}; see docs/safetensors.md for the layout" : "")}");
        if (layout.IsFail) return layout.Map(_ => default(SafetensorsWeights<T>)!);

        var layers = Enumerable.Range(0, network.Layers.Length).Select(l => new LayerTensors<T>(
            Tensor<T>.FromRowMajor(network.Layers[l].Units, network.InputsOf(l), byName[WeightName(l)].To<T>()).ThrowIfFail(),
            Tensor<T>.RowVector(byName[BiasName(l)].To<T>())));
        return from parameters in Parameters<T>.Create(network, layers).Prefixed(source)
               from _ in SafetensorsMetadata.CheckArchitecture(contents.Metadata, network).Prefixed(source)
               from standardizer in SafetensorsMetadata.Standardizer(contents.Metadata, network).Prefixed(source)
               select new SafetensorsWeights<T>(parameters, standardizer,
                   contents.Metadata.TryGetValue("experiment", out var experiment) ? Option<string>.Some(experiment) : Option<string>.None);
    }

    /// <summary>A tensor of the layout is of <typeparamref name="T"/>'s dtype and has the shape of its layer.</summary>
    private static Validation<Error, Unit> TensorCheck<T>(string name, ImmutableArray<long> shape, SafetensorsTensor tensor) =>
        tensor.DType != SafetensorsTensor.DTypeOf<T>()
            ? Validated.Problem<Unit>($"{name} is {tensor.DType}, expected {SafetensorsTensor.DTypeOf<T>()} " +
                                      (typeof(T) == typeof(float) ? "(layers.0.weight is F32: save every tensor in float32, e.g. tensor.float())" : "(save float64 tensors, e.g. tensor.double())"))
            : Validated.Check(tensor.Shape.SequenceEqual(shape), () =>
                $"{name} has shape {tensor.ShapeText}, expected {SafetensorsTensor.ShapeOf(shape)}{(name.EndsWith(".weight", StringComparison.Ordinal) ? " ([units, inputs], as torch.nn.Linear stores it)" : "")}");

    private static Fin<T> Prefixed<T>(this Fin<T> value, string source) =>
        value.Match(Succ: Fin<T>.Succ, Fail: e => Fin<T>.Fail(Error.New($"{source}: {e.Message}")));

    private static string Names(SafetensorsContents contents) =>
        contents.Tensors.IsEmpty ? "no tensors"
            : string.Join(", ", contents.Tensors.Take(8).Select(t => t.Name)) + (contents.Tensors.Length > 8 ? $", ... ({contents.Tensors.Length} in all)" : "");
}
