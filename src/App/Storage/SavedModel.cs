using Functional.NN.Model;

namespace Functional.NN.App.Storage;

/// <summary>A model as read from a model file: architecture, numbers and where they came from.</summary>
/// <param name="Network">The architecture, rebuilt through <c>Network.Create</c>.</param>
/// <param name="Parameters">The numbers, checked against the network and the stored content hash.</param>
/// <param name="Metadata">Library version, experiment name and parameter content hash as stored.</param>
internal sealed record SavedModel(Network Network, Parameters Parameters, ModelMetadata Metadata);
