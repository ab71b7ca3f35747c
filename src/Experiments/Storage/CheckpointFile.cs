using System.Numerics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Functional.NN.Experiments.Runs;
using Functional.NN.Model;
using Functional.NN.Training;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Saves and loads a <see cref="Checkpoint{T}"/>: a <see cref="ChecksummedEnvelope"/> of kind
/// <c>fnn-checkpoint</c>, format version <see cref="FormatVersion"/>, whose payload is the JSON of
/// <see cref="CheckpointDocument"/> (docs/checkpoint-format.md). Tensors keep their exact IEEE bits
/// (<see cref="TensorEncoding"/>); scalars are JSON numbers in their shortest round-trip form, which read back
/// as the same doubles. A truncated, extended or bit-flipped file fails the envelope's checks and is never
/// taken for a good checkpoint. Saving is atomic (<see cref="AtomicFile"/>).
/// </summary>
internal static class CheckpointFile
{
    /// <summary>The envelope kind of checkpoint files.</summary>
    public static EnvelopeKind Kind { get; } = new("fnn-checkpoint", "checkpoint");

    /// <summary>The format version this build writes, and the only one it reads.</summary>
    public const int FormatVersion = 1;

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = false,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = StorageJsonContext.Default,
    };

    private static readonly JsonSerializerOptions WriteOptions = TensorDocumentWriter.For(Options);

    /// <summary>Writes <paramref name="checkpoint"/> to <paramref name="path"/> atomically.</summary>
    public static Fin<Unit> Save<T>(string path, Checkpoint<T> checkpoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        from bytes in Encode(checkpoint)
        from _ in AtomicFile.WriteAllBytes(path, bytes)
        select Prelude.unit;

    /// <summary>The checkpoint in the file at <paramref name="path"/>, its parameters checked against <paramref name="network"/>.</summary>
    public static Fin<Checkpoint<T>> Load<T>(string path, Network network) where T : unmanaged, IFloatingPointIeee754<T> =>
        from contents in ChecksummedEnvelope.Read(path, Kind)
        from checkpoint in Decode<T>(path, contents, network)
        select checkpoint;

    /// <summary>The complete bytes of a checkpoint file.</summary>
    public static Fin<byte[]> Encode<T>(Checkpoint<T> checkpoint) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var p = checkpoint.Progress;
        return from state in CheckpointOptimizerState.Encode<T>(p.OptimizerState)
               let document = new CheckpointDocument(
                   checkpoint.ExperimentHash, checkpoint.DataSha256, p.Step, p.Epoch, p.BatchInEpoch, p.BatchLoss is { } loss ? double.CreateTruncating(loss) : null,
                   checkpoint.EpochLossSum, checkpoint.EpochSeconds,
                   p.Parameters.Layers.Select(l => new LayerParametersDocument(TensorEncoding.Encode(l.Weights), TensorEncoding.Encode(l.Bias))).ToArray(),
                   state,
                   checkpoint.Metrics.Select(m => new MetricsRowDocument(m.Epoch, m.Step, m.TrainLoss, m.ValLoss, m.ValAccuracy, m.LearningRate, m.Seconds,
                       m.Health?.GradientNorms.ToArray(), m.Health?.DeadRelu.ToArray())).ToArray(),
                   checkpoint.Best is { } b ? new BestEpochDocument(b.Epoch, b.Loss) : null,
                   DtypeOf(p.Parameters))
               from bytes in Envelope(document)
               select bytes;
    }

    /// <summary>The checkpoint in <paramref name="bytes"/> (the contents of <paramref name="source"/>).</summary>
    public static Fin<Checkpoint<T>> Decode<T>(string source, byte[] bytes, Network network) where T : unmanaged, IFloatingPointIeee754<T> =>
        from contents in ChecksummedEnvelope.Unwrap(source, bytes, Kind)
        from checkpoint in Decode<T>(source, contents, network)
        select checkpoint;

    private static Fin<Checkpoint<T>> Decode<T>(string source, EnvelopeContents contents, Network network) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (contents.FormatVersion != FormatVersion)
            return Error.New($"{source}: unsupported checkpoint format version {contents.FormatVersion} (this build reads version {FormatVersion})");
        return (from d in Deserialize(source, contents.Payload)
                from _ in Check(d)
                from __ in CheckDtype<T>(d.Dtype)
                from layers in FinSequence.Each(d.Parameters.Length, i =>
                    from w in TensorEncoding.Decode<T>(d.Parameters[i].Weights, $"parameters[{i}].weights")
                    from b in TensorEncoding.Decode<T>(d.Parameters[i].Bias, $"parameters[{i}].bias")
                    select new LayerTensors<T>(w, b))
                from parameters in Parameters<T>.Create(network, layers).Prefixed("parameters")
                from state in CheckpointOptimizerState.Decode(d.OptimizerState, parameters, "optimizer_state")
                select new Checkpoint<T>(d.ExperimentHash, d.DataSha256,
                    new TrainingProgress<T>(d.Step, d.Epoch, d.BatchInEpoch, parameters, state, d.BatchLoss is { } loss ? T.CreateTruncating(loss) : null),
                    d.EpochLossSum, d.EpochSeconds,
                    [.. d.Metrics.Select(m => new MetricsRow(m.Epoch, m.Step, m.TrainLoss, m.ValLoss, m.ValAccuracy, m.LearningRate, m.Seconds,
                        m.GradNorms is { } norms ? new LayerHealth([.. norms], [.. m.DeadRelu ?? new double?[norms.Length]]) : null))],
                    d.Best is { } best ? new BestEpoch(best.Epoch, best.Loss) : null))
            .Prefixed(source, onlyIfMissing: true);
    }

    /// <summary>The <c>dtype</c> written for parameters of <typeparamref name="T"/>: null for double, the type's name otherwise.</summary>
    private static string? DtypeOf<T>(Parameters<T> parameters) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        ElementTypes.Of<T>() == ElementType.Float64 ? null : ElementTypes.Of<T>().Name();

    /// <summary>
    /// The stored dtype (absent: float64) is the run's element type <typeparamref name="T"/>; another known name, or an
    /// unknown one, is an error naming the value.
    /// </summary>
    private static Fin<Unit> CheckDtype<T>(string? dtype) where T : unmanaged, IFloatingPointIeee754<T> => dtype switch
    {
        null or "float64" when typeof(T) == typeof(double) => Prelude.unit,
        "float32" when typeof(T) == typeof(float) => Prelude.unit,
        null or "float64" or "float32" => Error.New($"dtype: the checkpoint holds {dtype ?? "float64"} parameters, the run trains in {Functional.NN.Tensors.ElementTypeName.Of<T>()}"),
        _ => Error.New($"dtype: expected \"float32\" or \"float64\", got \"{Echo.Clip(dtype)}\""),
    };

    private static Fin<Unit> Check(CheckpointDocument d) =>
        d.Step < 0 || d.Epoch < 0 || d.BatchInEpoch < 0
            ? Error.New($"step {d.Step}, epoch {d.Epoch} and batch_in_epoch {d.BatchInEpoch} must not be negative")
            : Prelude.unit;

    private static Fin<byte[]> Envelope(CheckpointDocument document)
    {
        try
        {
            return PooledJson.Write(document, WriteOptions, json => ChecksummedEnvelope.Wrap(Kind, FormatVersion, json.Span));
        }
        catch (ArgumentException e)
        {
            return Error.New($"the checkpoint cannot be written as JSON (a number is NaN or infinite?): {e.Message}");
        }
    }

    private static Fin<CheckpointDocument> Deserialize(string source, byte[] utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize<CheckpointDocument>(utf8Json, Options) is { } document
                ? document
                : Error.New($"{source}: the checkpoint payload is JSON null");
        }
        catch (JsonException e)
        {
            return Error.New($"{source}: invalid checkpoint payload at {e.Path ?? "$"} (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }
    }

    private static Fin<T> Prefixed<T>(this Fin<T> value, string where, bool onlyIfMissing = false) =>
        value.Match(Succ: v => Fin<T>.Succ(v),
            Fail: e => Fin<T>.Fail(onlyIfMissing && e.Message.StartsWith(where, StringComparison.Ordinal) ? e : Error.New($"{where}: {e.Message}")));
}
