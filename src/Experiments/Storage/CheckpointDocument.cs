using System.Text.Json.Serialization;

namespace Functional.NN.Experiments.Storage;

/// <summary>The JSON payload of a checkpoint file (format version 1; docs/checkpoint-format.md), in snake_case.</summary>
/// <param name="ExperimentHash">SHA-256 of the resolved experiment's canonical JSON.</param>
/// <param name="DataSha256">SHA-256 of the data.</param>
/// <param name="Step">Updates made.</param>
/// <param name="Epoch">The epoch the next batch belongs to, from 0 (Core's <c>TrainingProgress.Epoch</c>).</param>
/// <param name="BatchInEpoch">Batches of that epoch already trained on.</param>
/// <param name="BatchLoss">The last update's batch loss, or null before the first update.</param>
/// <param name="EpochLossSum">Sum of the current epoch's batch losses so far.</param>
/// <param name="EpochSeconds">Seconds spent on the current epoch so far.</param>
/// <param name="Parameters">The parameters, layer by layer.</param>
/// <param name="OptimizerState">The optimizer's state.</param>
/// <param name="Metrics">The metrics rows of the completed epochs.</param>
/// <param name="Best">The best epoch so far, or null.</param>
/// <param name="Dtype">
/// The element type of the parameters and optimizer state, <c>"float32"</c>, whose tensors are <c>float32_little_endian</c>;
/// absent (null) for float64, so a float64 checkpoint has the bytes it had before the key existed.
/// </param>
internal sealed record CheckpointDocument(
    string ExperimentHash,
    string DataSha256,
    long Step,
    int Epoch,
    int BatchInEpoch,
    double? BatchLoss,
    double EpochLossSum,
    double EpochSeconds,
    LayerParametersDocument[] Parameters,
    OptimizerStateDocument OptimizerState,
    MetricsRowDocument[] Metrics,
    BestEpochDocument? Best,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Dtype = null);

/// <summary>
/// An optimizer state of any kind: <c>kind</c> (empty, count, momentum, adam, rms, chain) and the fields of
/// that kind only: <c>count</c> (all but empty and chain), <c>buffer</c> (momentum), <c>mu</c> (adam),
/// <c>nu</c> (adam, rms), <c>states</c> (chain, in order).
/// </summary>
/// <param name="Kind">The state's <c>OptimizerState.Kind</c>.</param>
/// <param name="Count">Updates counted by the state.</param>
/// <param name="Buffer">Momentum buffer, per layer.</param>
/// <param name="Mu">Adam's first moment, per layer.</param>
/// <param name="Nu">Second moment (Adam, RMSprop), per layer.</param>
/// <param name="States">The inner states of a chain.</param>
internal sealed record OptimizerStateDocument(
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Count = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LayerParametersDocument[]? Buffer = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LayerParametersDocument[]? Mu = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LayerParametersDocument[]? Nu = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] OptimizerStateDocument[]? States = null);

/// <summary>A metrics row as stored in a checkpoint.</summary>
/// <param name="Epoch">Epoch, from 1.</param>
/// <param name="Step">Updates made at its end.</param>
/// <param name="TrainLoss">Mean batch loss.</param>
/// <param name="ValLoss">Validation loss, or null.</param>
/// <param name="ValAccuracy">Validation accuracy, or null.</param>
/// <param name="LearningRate">Learning rate of the last update.</param>
/// <param name="Seconds">Seconds spent on the epoch.</param>
/// <param name="GradNorms">Per-layer weight-gradient norms on the probe batch; absent in checkpoints written before they were measured.</param>
/// <param name="DeadRelu">Per-layer dead-ReLU fractions (null for layers that are not ReLU); absent like <paramref name="GradNorms"/>.</param>
internal sealed record MetricsRowDocument(int Epoch, long Step, double TrainLoss, double? ValLoss, double? ValAccuracy, double LearningRate, double Seconds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double[]? GradNorms = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double?[]? DeadRelu = null);

/// <summary>The best epoch as stored in a checkpoint.</summary>
/// <param name="Epoch">Epoch, from 1.</param>
/// <param name="Loss">Its selection loss.</param>
internal sealed record BestEpochDocument(int Epoch, double Loss);
