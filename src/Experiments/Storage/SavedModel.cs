using System.Numerics;
using Functional.NN.Data;
using Functional.NN.Model;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// A model as read from a model file: architecture, input preprocessing and where they came from; its numbers are those of
/// <see cref="SavedModel{T}"/>, in the element type the file records (float64 for every file without a dtype).
/// </summary>
/// <param name="Network">The architecture, rebuilt through <c>Network.Create</c>.</param>
/// <param name="Metadata">Library version, experiment name and parameter content hash as stored.</param>
/// <param name="Standardizer">
/// The standardization the network was trained with (its inputs must be standardized with it before the
/// forward pass, <see cref="Functional.NN.Data.Standardizer.Apply{T}(Functional.NN.Tensors.Tensor{T})"/>), or None
/// when it takes raw inputs (and for every format version 1 file).
/// </param>
internal abstract record SavedModel(Network Network, ModelMetadata Metadata, Option<Standardizer> Standardizer)
{
    /// <summary>The element type of the parameters.</summary>
    public abstract ElementType ElementType { get; }

    /// <summary>This model with parameters of <typeparamref name="T"/>, or an error naming both element types.</summary>
    public Fin<SavedModel<T>> As<T>() where T : unmanaged, IFloatingPointIeee754<T> =>
        this is SavedModel<T> typed
            ? typed
            : Error.New($"the model holds {ElementType.Name()} parameters, {ElementTypes.Of<T>().Name()} were expected");
}

/// <summary>A model read from a model file whose parameters are of <typeparamref name="T"/>.</summary>
/// <param name="Network">The architecture, rebuilt through <c>Network.Create</c>.</param>
/// <param name="Parameters">The numbers, checked against the network and the stored content hash.</param>
/// <param name="Metadata">Library version, experiment name and parameter content hash as stored.</param>
/// <param name="Standardizer">The input standardization, or None.</param>
internal sealed record SavedModel<T>(Network Network, Parameters<T> Parameters, ModelMetadata Metadata, Option<Standardizer> Standardizer)
    : SavedModel(Network, Metadata, Standardizer) where T : unmanaged, IFloatingPointIeee754<T>
{
    /// <inheritdoc />
    public override ElementType ElementType => ElementTypes.Of<T>();
}
