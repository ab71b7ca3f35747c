using System.Collections.Immutable;
using System.Numerics;
using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Losses;
using Functional.NN.Model;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Between a network with its parameters and a <see cref="ModelDocument"/>. Reading rebuilds the network
/// through <see cref="Network.Create(int, IEnumerable{LayerSpec}, Loss)"/> with the activations and the
/// loss from <see cref="ActivationCatalog"/> and <see cref="LossCatalog"/>, the parameters through
/// <see cref="Parameters.Create(Network, IEnumerable{LayerTensors})"/>, checks the content hash, and rebuilds
/// the input standardizer, if any, through <see cref="Standardizer.Create"/> (one mean and scale per input).
/// </summary>
internal static class ModelDocumentMapping
{
    /// <summary>The document for a network, parameters that fit it and its input standardizer, or why they cannot be stored.</summary>
    public static Fin<ModelDocument> ToDocument<T>(Network network, Parameters<T> parameters, string experiment, Option<Standardizer> standardizer)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!parameters.Fits(network))
            return Error.New($"the parameters {parameters.Describe()} do not fit the network {network}");
        if (standardizer.Exists(s => s.FeatureCount != network.InputSize))
            return Error.New($"the input standardizer has {standardizer.Map(s => s.FeatureCount).IfNone(0)} features, " +
                             $"the network {network} takes {network.InputSize} inputs");
        var layers = FinSequence.Each(network.Layers.Length, i =>
        {
            var activation = network.Layers[i].Activation;
            return ComponentCodec.Describe(activation, activation.Name, ActivationCatalog.FromName, $"layer {i + 1} activation")
                .Map(described => new LayerDocument(network.Layers[i].Units, described));
        });
        return from layerDocuments in layers
               from loss in ComponentCodec.Describe(network.Loss, network.Loss.Name, LossCatalog.FromName, "loss")
               let networkDocument = new NetworkDocument(network.InputSize, layerDocuments, loss)
               select new ModelDocument(
                   networkDocument,
                   [.. parameters.Layers.Select(l => new LayerParametersDocument(TensorEncoding.Encode(l.Weights), TensorEncoding.Encode(l.Bias)))],
                   new ModelMetadata(LibraryVersion.Current, experiment, parameters.ContentHash(), PredictionHash.Of(networkDocument, parameters, standardizer)),
                   standardizer.Map(s => new StandardizerDocument(TensorEncoding.Encode(s.Mean), TensorEncoding.Encode(s.Scale))).IfNoneUnsafe((StandardizerDocument?)null),
                   ElementTypes.Of<T>() == ElementType.Float64 ? null : ElementTypes.Of<T>().Name());
    }

    /// <summary>
    /// The model in <paramref name="document"/>, its parameters in the element type of its <c>dtype</c> (float64 when absent),
    /// or an error saying what does not fit.
    /// </summary>
    public static Fin<SavedModel> ToModel(ModelDocument document) =>
        document.Dtype switch
        {
            null or "float64" => ToModel<double>(document).Map(m => (SavedModel)m),
            "float32" => ToModel<float>(document).Map(m => (SavedModel)m),
            var other => Error.New($"dtype: expected \"float32\" or \"float64\", got \"{Echo.Clip(other)}\""),
        };

    private static Fin<SavedModel<T>> ToModel<T>(ModelDocument document) where T : unmanaged, IFloatingPointIeee754<T> =>
        from network in ToNetwork(document.Network)
        from parameters in ToParameters<T>(network, document.Parameters)
        from _ in parameters.ContentHash() == document.Metadata.ParametersContentHash
            ? Fin<Unit>.Succ(Prelude.unit)
            : Error.New($"parameters content hash {parameters.ContentHash()} differs from the stored {document.Metadata.ParametersContentHash}")
        from standardizer in ToStandardizer(network, document.InputStandardizer)
        from __ in document.Metadata.PredictionHash is not { } stored || PredictionHash.Of(document.Network, parameters, standardizer) is var computed && computed == stored
            ? Fin<Unit>.Succ(Prelude.unit)
            : Error.New($"prediction hash {computed} (of the network, parameters and input standardizer) differs from the stored {stored}; " +
                        "the file was edited")
        select new SavedModel<T>(network, parameters, document.Metadata, standardizer);

    private static Fin<Option<Standardizer>> ToStandardizer(Network network, StandardizerDocument? document)
    {
        if (document is null) return Option<Standardizer>.None;
        return from mean in TensorEncoding.Decode<double>(document.Mean, "input standardizer mean")
               from scale in TensorEncoding.Decode<double>(document.Scale, "input standardizer scale")
               from standardizer in Standardizer.Create(mean, scale).Match(Fin<Standardizer>.Succ, e => Error.New($"input {e.Message}"))
               from _ in standardizer.FeatureCount == network.InputSize
                   ? Fin<Unit>.Succ(Prelude.unit)
                   : Error.New($"input standardizer: it has {standardizer.FeatureCount} features, the network {network} takes {network.InputSize} inputs")
               select Option<Standardizer>.Some(standardizer);
    }

    private static Fin<Network> ToNetwork(NetworkDocument document)
    {
        if (document.Layers.IsDefault) return Error.New("network: no layers given");
        var layers = FinSequence.Each(document.Layers.Length, i =>
            ComponentCodec.Rebuild(document.Layers[i].Activation, ActivationCatalog.FromName, $"layer {i + 1} activation")
                .Map(activation => new LayerSpec(document.Layers[i].Units, activation)));
        return from specs in layers
               from loss in ComponentCodec.Rebuild(document.Loss, LossCatalog.FromName, "loss")
               from network in Prefixed("network", Network.Create(document.InputSize, specs, loss))
               select network;
    }

    private static Fin<Parameters<T>> ToParameters<T>(Network network, ImmutableArray<LayerParametersDocument> documents)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (documents.IsDefault) return Error.New("parameters: none given");
        var layers = FinSequence.Each(documents.Length, i =>
            from w in TensorEncoding.Decode<T>(documents[i].Weights, $"layer {i + 1} weights")
            from b in TensorEncoding.Decode<T>(documents[i].Bias, $"layer {i + 1} bias")
            select new LayerTensors<T>(w, b));
        return from tensors in layers
               from parameters in Prefixed($"parameters do not fit the network {network}", Parameters<T>.Create(network, tensors))
               select parameters;
    }

    private static Fin<T> Prefixed<T>(string prefix, Fin<T> value) =>
        value.Match(Succ: v => Fin<T>.Succ(v), Fail: e => Fin<T>.Fail(Error.New($"{prefix}: {e.Message}")));
}
