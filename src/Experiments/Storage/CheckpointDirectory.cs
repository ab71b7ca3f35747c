using System.Numerics;
using System.Globalization;
using Functional.NN.Model;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// The <c>checkpoints/</c> folder of a run: files <c>step-000000001234.ckpt</c>, of which the newest
/// <see cref="Keep"/> are kept so that a good one survives a save that is cut short. Loading walks from the
/// newest to the oldest and takes the first that passes every check (envelope checksum, payload, this run's
/// experiment and data), reporting each one it had to skip and why.
/// </summary>
/// <param name="Path">The folder.</param>
/// <param name="Keep">How many of the newest checkpoints to keep, at least 1.</param>
internal sealed record CheckpointDirectory(string Path, int Keep)
{
    /// <summary>The file of the checkpoint after <paramref name="step"/> updates.</summary>
    public string FileOf(long step) => System.IO.Path.Combine(Path, $"step-{step.ToString("D12", CultureInfo.InvariantCulture)}.ckpt");

    /// <summary>
    /// Saves <paramref name="checkpoint"/>, then removes checkpoints of later steps (left by an abandoned
    /// continuation) and all but the newest <see cref="Keep"/>.
    /// </summary>
    public Fin<string> Save<T>(Checkpoint<T> checkpoint) where T : unmanaged, IFloatingPointIeee754<T> =>
        CheckpointFile.Encode(checkpoint).Bind(bytes => Save(checkpoint.Progress.Step, bytes));

    /// <summary>
    /// <see cref="Save{T}(Checkpoint{T})"/> of a checkpoint already encoded (<see cref="CheckpointFile.Encode{T}"/>): the bytes of
    /// the state after <paramref name="step"/> updates.
    /// </summary>
    public Fin<string> Save(long step, byte[] bytes)
    {
        try
        {
            Directory.CreateDirectory(Path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Error.New($"{Path}: cannot create the checkpoint folder: {e.Message}");
        }
        var file = FileOf(step);
        return AtomicFile.WriteAllBytes(file, bytes).Map(_ =>
        {
            var newestFirst = Files();
            foreach (var (_, path) in newestFirst.Where(f => f.Step > step)) TryDelete(path);
            foreach (var (_, path) in newestFirst.Where(f => f.Step <= step).Skip(Keep)) TryDelete(path);
            return file;
        });
    }

    /// <summary>The checkpoint files, newest (highest step) first.</summary>
    public IReadOnlyList<(long Step, string Path)> Files()
    {
        if (!Directory.Exists(Path)) return [];
        return Directory.GetFiles(Path, "step-*.ckpt")
            .Select(f => (Ok: long.TryParse(System.IO.Path.GetFileNameWithoutExtension(f)["step-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var s), Step: s, Path: f))
            .Where(f => f.Ok)
            .OrderByDescending(f => f.Step)
            .Select(f => (f.Step, f.Path))
            .ToList();
    }

    /// <summary>
    /// The newest checkpoint that reads back intact and belongs to this run (same experiment hash and data
    /// hash), with a message for each newer one that was skipped; null when there is none at all.
    /// </summary>
    public (Checkpoint<T>? Checkpoint, string? Path, IReadOnlyList<string> Skipped) LatestGood<T>(Network network, string experimentHash, string dataSha256) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var skipped = new List<string>();
        foreach (var (_, path) in Files())
        {
            var loaded = CheckpointFile.Load<T>(path, network).Bind(c =>
                c.ExperimentHash != experimentHash
                    ? Error.New($"{path}: belongs to another experiment (hash {c.ExperimentHash}, this run's is {experimentHash})")
                    : c.DataSha256 != dataSha256
                        ? Error.New($"{path}: was made with other data (SHA-256 {c.DataSha256}, the data now has {dataSha256})")
                        : Fin<Checkpoint<T>>.Succ(c));
            if (loaded.IsSucc) return (loaded.ThrowIfFail(), path, skipped);
            skipped.Add(loaded.Match(_ => "", e => e.Message));
        }
        return (null, null, skipped);
    }

    /// <summary>Removes temporary files that an interrupted atomic write left behind.</summary>
    public void RemoveStaleTemporaries()
    {
        if (!Directory.Exists(Path)) return;
        foreach (var temporary in Directory.GetFiles(Path, ".step-*.tmp")) TryDelete(temporary);
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Left in place: it is never taken for a newer good checkpoint unless it passes every check.
        }
    }
}
