using Functional.NN.Data;
using Functional.NN.Model;
using LanguageExt;

namespace Functional.NN.Experiments.Storage;

/// <summary>A model as read from a model file: architecture, numbers, input preprocessing and where they came from.</summary>
/// <param name="Network">The architecture, rebuilt through <c>Network.Create</c>.</param>
/// <param name="Parameters">The numbers, checked against the network and the stored content hash.</param>
/// <param name="Metadata">Library version, experiment name and parameter content hash as stored.</param>
/// <param name="Standardizer">
/// The standardization the network was trained with (its inputs must be standardized with it before the
/// forward pass, <see cref="Functional.NN.Data.Standardizer.Apply{T}(Functional.NN.Tensors.Tensor{T})"/>), or None
/// when it takes raw inputs (and for every format version 1 file).
/// </param>
internal sealed record SavedModel(Network Network, Parameters Parameters, ModelMetadata Metadata, Option<Standardizer> Standardizer);
