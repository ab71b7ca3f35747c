using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Functional.NN.Experiments.Storage;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// <c>manifest.json</c>: what a run is and where it came from. Written when the run starts
/// (<c>status: running</c>), again when it stops (<c>failed</c> with the error, or <c>complete</c> with the
/// final parameter hash and results), always atomically.
/// </summary>
/// <param name="Status"><c>running</c>, <c>failed</c> or <c>complete</c>.</param>
/// <param name="ExperimentName">The experiment's name.</param>
/// <param name="ExperimentHash">SHA-256 of the resolved experiment's canonical JSON (<c>experiment.json</c>).</param>
/// <param name="Seed">The experiment's seed.</param>
/// <param name="LibraryVersion">The Functional.NN version.</param>
/// <param name="GitCommit">The commit of the working directory's git checkout, or null.</param>
/// <param name="DotnetVersion">The .NET runtime.</param>
/// <param name="Os">The operating system.</param>
/// <param name="Backend">The compute backend, when the library reports one; otherwise null.</param>
/// <param name="Data">The data and its parts.</param>
/// <param name="ParametersHashStart">ContentHash of the initial parameters.</param>
/// <param name="ParametersHashEnd">ContentHash of the final parameters (in <c>model.fnn</c>), once complete.</param>
/// <param name="Steps">Updates made.</param>
/// <param name="EpochsCompleted">Epochs completed.</param>
/// <param name="StartedUtc">When the run first started (ISO 8601).</param>
/// <param name="FinishedUtc">When it completed or failed.</param>
/// <param name="ResumedFromSteps">The step of each resume, in order.</param>
/// <param name="Final">The last epoch's metrics.</param>
/// <param name="Best">The best epoch (in <c>best.fnn</c>).</param>
/// <param name="Test">Results on the test split, when the data has one.</param>
/// <param name="Error">Why the run failed, or null.</param>
/// <param name="Experiment">The resolved experiment, as in <c>experiment.json</c>.</param>
/// <param name="WorldSizes">The number of processes (MPI ranks) the run started on, then that of each resume; null in runs written before it was recorded.</param>
internal sealed record RunManifest(
    string Status,
    string ExperimentName,
    string ExperimentHash,
    ulong Seed,
    string LibraryVersion,
    string? GitCommit,
    string DotnetVersion,
    string Os,
    string? Backend,
    DataRecord Data,
    string ParametersHashStart,
    string? ParametersHashEnd,
    long Steps,
    int EpochsCompleted,
    string StartedUtc,
    string? FinishedUtc,
    long[] ResumedFromSteps,
    MetricsRecord? Final,
    BestRecord? Best,
    TestRecord? Test,
    string? Error,
    JsonElement Experiment,
    int[]? WorldSizes = null)
{
    /// <summary>Status of a run in progress (or stopped without finishing).</summary>
    public const string Running = "running";

    /// <summary>Status of a run stopped by an error.</summary>
    public const string Failed = "failed";

    /// <summary>Status of a finished run.</summary>
    public const string Complete = "complete";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Writes the manifest to <paramref name="path"/> atomically, then the same bytes to its backup
    /// (<see cref="ManifestRecovery.BackupOf"/>), from which <c>resume</c> recovers a damaged manifest.
    /// </summary>
    public Fin<Unit> Save(string path)
    {
        byte[] bytes = [.. JsonSerializer.SerializeToUtf8Bytes(this, Options), (byte)'\n'];
        return AtomicFile.WriteAllBytes(path, bytes).Map(_ =>
        {
            AtomicFile.WriteAllBytes(ManifestRecovery.BackupOf(path), bytes); // best effort: the manifest itself is written
            return Prelude.unit;
        });
    }

    /// <summary>The manifest in <paramref name="path"/>.</summary>
    public static Fin<RunManifest> Load(string path)
    {
        try
        {
            var bytes = BoundedFile.ReadAll(path, 16 * BoundedFile.MiB, "run manifest");
            if (bytes.IsFail) return bytes.Map(_ => default(RunManifest)!);
            return JsonSerializer.Deserialize<RunManifest>(bytes.ThrowIfFail(), Options) is { } manifest
                ? manifest
                : LanguageExt.Common.Error.New($"{path}: the manifest is JSON null");
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return LanguageExt.Common.Error.New($"{path}: cannot read the run manifest: {Echo.Clip(e.Message)}");
        }
    }
}

/// <summary>The data of a run.</summary>
/// <param name="Name">The source's name.</param>
/// <param name="Sha256">SHA-256 of the source data.</param>
/// <param name="Training">Examples in the training part.</param>
/// <param name="Validation">Examples in the validation part.</param>
/// <param name="Test">Examples in the test split, or null.</param>
/// <param name="Standardized">Whether the features were standardized (the statistics are in <c>model.fnn</c> and <c>best.fnn</c>).</param>
internal sealed record DataRecord(string Name, string Sha256, int Training, int Validation, int? Test, bool Standardized);

/// <summary>An epoch's metrics in the manifest.</summary>
/// <param name="Epoch">Epoch, from 1.</param>
/// <param name="TrainLoss">Mean batch loss.</param>
/// <param name="ValLoss">Validation loss, or null.</param>
/// <param name="ValAccuracy">Validation accuracy, or null.</param>
internal sealed record MetricsRecord(int Epoch, double TrainLoss, double? ValLoss, double? ValAccuracy);

/// <summary>The best epoch in the manifest.</summary>
/// <param name="Epoch">Epoch, from 1.</param>
/// <param name="Loss">Its validation loss (training loss without validation).</param>
/// <param name="ParametersHash">ContentHash of its parameters (in <c>best.fnn</c>).</param>
internal sealed record BestRecord(int Epoch, double Loss, string ParametersHash);

/// <summary>Results on the test split.</summary>
/// <param name="Examples">Test examples.</param>
/// <param name="FinalLoss">Loss of the final model.</param>
/// <param name="FinalAccuracy">Accuracy of the final model (classification), or null.</param>
/// <param name="BestLoss">Loss of the best model.</param>
/// <param name="BestAccuracy">Accuracy of the best model, or null.</param>
internal sealed record TestRecord(int Examples, double FinalLoss, double? FinalAccuracy, double BestLoss, double? BestAccuracy);
