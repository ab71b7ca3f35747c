using System.Numerics;
using Functional.NN.Data;
using Functional.NN.Model;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Saves and loads a trained model: a <see cref="ChecksummedEnvelope"/> of kind <c>fnn-model</c>,
/// format version <see cref="Float64FormatVersion"/> for float64 parameters and <see cref="FormatVersion"/> for float32 ones, whose payload is the JSON of <see cref="ModelDocument"/>
/// (docs/model-format.md): the network, its parameters, and the input standardizer it was trained with, if
/// any. Saving is atomic (<see cref="AtomicFile"/>) and deterministic: the same network, parameters,
/// standardizer and experiment name give the same bytes. Version 1 files (no standardizer) and version 2 files
/// (whose content hash covers the parameters only) still load, as float64 models like every file without a dtype.
/// Loading rejects, each with its own
/// message, a file of another kind ("not a Functional.NN model file"), an unsupported version, a
/// truncated or extended file, a corrupted one (checksum mismatch), an invalid payload, unknown
/// activations or losses, and parameters that do not fit the network.
/// </summary>
internal static class ModelFile
{
    /// <summary>The envelope kind of model files.</summary>
    public static EnvelopeKind Kind { get; } = new("fnn-model", "model");

    /// <summary>
    /// The newest format version, which this build writes for float32 parameters: 4, which adds <c>dtype</c> (<c>"float32"</c>,
    /// parameters as <c>float32_little_endian</c>) to version 3, so a build that knows no dtype refuses the file by its version.
    /// </summary>
    public const int FormatVersion = 4;

    /// <summary>
    /// The format version this build writes for float64 parameters, with the bytes of the builds before dtype existed: 3, whose
    /// <c>metadata.prediction_hash</c> covers the network, the parameters and the input standardizer (<see cref="PredictionHash"/>);
    /// 2 added the optional input standardizer.
    /// </summary>
    public const int Float64FormatVersion = 3;

    /// <summary>The oldest format version this build reads: 1, the same payload without an input standardizer.</summary>
    public const int OldestFormatVersion = 1;

    /// <summary>Writes <paramref name="network"/>, <paramref name="parameters"/> and <paramref name="standardizer"/> to <paramref name="path"/>.</summary>
    /// <param name="path">Target file; its directory must exist. Replaced atomically if present.</param>
    /// <param name="network">The architecture.</param>
    /// <param name="parameters">The numbers; must fit <paramref name="network"/>.</param>
    /// <param name="experiment">Name of the experiment that produced the model, kept in the metadata.</param>
    /// <param name="standardizer">The standardization the network's inputs were trained with (one feature per input), or None for raw inputs.</param>
    public static Fin<Unit> Save<T>(string path, Network network, Parameters<T> parameters, string experiment, Option<Standardizer> standardizer = default)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Encode(network, parameters, experiment, standardizer).Bind(bytes => Write(path, bytes));

    /// <summary>Writes a model already encoded (<see cref="Encode"/>) to <paramref name="path"/> atomically.</summary>
    public static Fin<Unit> Write(string path, byte[] bytes) => Prefixed(path, AtomicFile.WriteAllBytes(path, bytes));

    /// <summary>The model in the file at <paramref name="path"/>.</summary>
    public static Fin<SavedModel> Load(string path) =>
        from contents in ChecksummedEnvelope.Read(path, Kind)
        from model in Decode(path, contents)
        select model;

    /// <summary>The complete bytes of a model file, as <see cref="Save"/> writes them.</summary>
    public static Fin<byte[]> Encode<T>(Network network, Parameters<T> parameters, string experiment, Option<Standardizer> standardizer = default)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        from document in ModelDocumentMapping.ToDocument(network, parameters, experiment, standardizer)
        from bytes in ModelJson.Envelope(document, Kind, ElementTypes.Of<T>() == ElementType.Float64 ? Float64FormatVersion : FormatVersion)
        select bytes;

    /// <summary>The model in <paramref name="bytes"/>, the contents of a file named <paramref name="source"/> in messages.</summary>
    public static Fin<SavedModel> Decode(string source, byte[] bytes) =>
        from contents in ChecksummedEnvelope.Unwrap(source, bytes, Kind)
        from model in Decode(source, contents)
        select model;

    private static Fin<SavedModel> Decode(string source, EnvelopeContents contents) =>
        contents.FormatVersion is < OldestFormatVersion or > FormatVersion
            ? Error.New($"{source}: unsupported model format version {contents.FormatVersion} " +
                        $"(this build reads versions {OldestFormatVersion} to {FormatVersion})")
            : from document in ModelJson.Deserialize(source, contents.Payload)
              from _ in contents.FormatVersion == 1 && document.InputStandardizer is not null
                  ? Error.New($"{source}: invalid model payload: format version 1 has no input_standardizer")
                  : contents.FormatVersion < 3 && document.Metadata.PredictionHash is not null
                      ? Error.New($"{source}: invalid model payload: format version {contents.FormatVersion} has no metadata.prediction_hash")
                      : contents.FormatVersion >= 3 && document.Metadata.PredictionHash is null
                          ? Error.New($"{source}: invalid model payload: format version {contents.FormatVersion} requires metadata.prediction_hash")
                          : contents.FormatVersion < 4 && document.Dtype is not null
                              ? Error.New($"{source}: invalid model payload: format version {contents.FormatVersion} has no dtype")
                              : Fin<Unit>.Succ(Prelude.unit)
              from model in Prefixed(source, ModelDocumentMapping.ToModel(document))
              select model;

    private static Fin<T> Prefixed<T>(string source, Fin<T> value) =>
        value.Match(Succ: v => Fin<T>.Succ(v), Fail: e => Fin<T>.Fail(e.Message.StartsWith(source) ? e : Error.New($"{source}: {e.Message}")));
}
