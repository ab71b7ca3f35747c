using System.Collections.Immutable;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.App.Storage;

/// <summary>
/// Between a network with its parameters and a <see cref="ModelDocument"/>. Reading rebuilds the network
/// through <see cref="Network.Create(int, IEnumerable{LayerSpec}, Loss)"/> with the activations and the
/// loss from <see cref="ActivationCatalog"/> and <see cref="LossCatalog"/>, the parameters through
/// <see cref="Parameters.Create(Network, IEnumerable{LayerTensors})"/>, and checks the content hash.
/// </summary>
internal static class ModelDocumentMapping
{
    /// <summary>The document for a network and parameters that fit it, or why they cannot be stored.</summary>
    public static Fin<ModelDocument> ToDocument(Network network, Parameters parameters, string experiment)
    {
        if (!parameters.Fits(network))
            return Error.New($"the parameters {parameters.Describe()} do not fit the network {network}");
        var layers = FinSequence.Each(network.Layers.Length, i =>
        {
            var activation = network.Layers[i].Activation;
            return ComponentCodec.Describe(activation, activation.Name, ActivationCatalog.FromName, $"layer {i + 1} activation")
                .Map(described => new LayerDocument(network.Layers[i].Units, described));
        });
        return from layerDocuments in layers
               from loss in ComponentCodec.Describe(network.Loss, network.Loss.Name, LossCatalog.FromName, "loss")
               select new ModelDocument(
                   new NetworkDocument(network.InputSize, layerDocuments, loss),
                   [.. parameters.Layers.Select(l => new LayerParametersDocument(TensorEncoding.Encode(l.Weights), TensorEncoding.Encode(l.Bias)))],
                   new ModelMetadata(LibraryVersion.Current, experiment, parameters.ContentHash()));
    }

    /// <summary>The model in <paramref name="document"/>, or an error saying what does not fit.</summary>
    public static Fin<SavedModel> ToModel(ModelDocument document) =>
        from network in ToNetwork(document.Network)
        from parameters in ToParameters(network, document.Parameters)
        from _ in parameters.ContentHash() == document.Metadata.ParametersContentHash
            ? Fin<Unit>.Succ(Prelude.unit)
            : Error.New($"parameters content hash {parameters.ContentHash()} differs from the stored {document.Metadata.ParametersContentHash}")
        select new SavedModel(network, parameters, document.Metadata);

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

    private static Fin<Parameters> ToParameters(Network network, ImmutableArray<LayerParametersDocument> documents)
    {
        if (documents.IsDefault) return Error.New("parameters: none given");
        var layers = FinSequence.Each(documents.Length, i =>
            from w in TensorEncoding.Decode(documents[i].Weights, $"layer {i + 1} weights")
            from b in TensorEncoding.Decode(documents[i].Bias, $"layer {i + 1} bias")
            select new LayerTensors(w, b));
        return from tensors in layers
               from parameters in Prefixed($"parameters do not fit the network {network}", Parameters.Create(network, tensors))
               select parameters;
    }

    private static Fin<T> Prefixed<T>(string prefix, Fin<T> value) =>
        value.Match(Succ: v => Fin<T>.Succ(v), Fail: e => Fin<T>.Fail(Error.New($"{prefix}: {e.Message}")));
}
