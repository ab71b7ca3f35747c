using System.Numerics;
using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Experiments.Storage;
using Functional.NN.Distributed;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Cluster;

/// <summary>
/// The processes a <c>train</c> or <c>resume</c> runs on: this one alone, or every rank of an MPI job when the
/// command was started by <c>mpirun</c>/<c>srun</c> (<see cref="MpiLaunch"/>, read once from the environment here in
/// the shell). Rank 0 (the leader) does everything a one-process run does, files included; before the first step it
/// sends the other ranks the resolved experiment and the state to start from (<see cref="Announce"/>), and they
/// follow (<see cref="FollowerRun"/>) writing nothing. When the leader cannot finish the run normally, it ends the
/// whole job (<see cref="Conclude"/>) so that no rank waits for a step that will not come.
/// </summary>
internal sealed class RunWorld : IDisposable
{
    private readonly MpiCollective? _mpi;
    private bool _announced;

    private RunWorld(ICollective collective, MpiCollective? mpi)
    {
        Collective = collective;
        _mpi = mpi;
    }

    /// <summary>This process alone.</summary>
    public static RunWorld Alone { get; } = new(SoleCollective.Instance, null);

    /// <summary>The ranks of the job.</summary>
    public ICollective Collective { get; }

    /// <summary>Rank 0: the one that reads and writes the run directory.</summary>
    public bool IsLeader => Collective.Rank == 0;

    /// <summary>Processes in the job.</summary>
    public int Size => Collective.Size;

    /// <summary>Which MPI library, for the manifest, or null without MPI.</summary>
    public string? Library => _mpi?.Library;

    /// <summary>The world of this process: MPI when a launcher's variables say so (MPI_Init), otherwise alone.</summary>
    public static Fin<RunWorld> FromEnvironment() =>
        MpiLaunch.Detect(Environment.GetEnvironmentVariable) is null
            ? Alone
            : MpiCollective.Initialize(Environment.GetEnvironmentVariable(MpiLaunch.LibraryVariable)).Match(
                Succ: mpi => Fin<RunWorld>.Succ(new RunWorld(mpi, mpi)),
                Fail: e => Error.New($"started by an MPI launcher, but MPI cannot start: {e.Message}"));

    /// <summary>The leader sends the resolved experiment and the starting checkpoint to every other rank.</summary>
    public Fin<Unit> Announce<T>(Experiment experiment, Checkpoint<T> start) where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (Size == 1) return Prelude.unit;
        return CheckpointFile.Encode(start).Map(checkpoint =>
        {
            var json = ExperimentJson.Serialize(experiment);
            Send(json, checkpoint);
            _announced = true;
            return Prelude.unit;
        });
    }

    /// <summary>A follower waits for the leader's start: the experiment's and the checkpoint's bytes, or None when the leader failed before training.</summary>
    public Option<(byte[] Experiment, byte[] Checkpoint)> AwaitStart()
    {
        Span<int> lengths = stackalloc int[2];
        Collective.Broadcast(lengths, root: 0);
        if (lengths[0] < 0) return Option<(byte[], byte[])>.None;
        var experiment = new byte[lengths[0]];
        var checkpoint = new byte[lengths[1]];
        Collective.Broadcast<byte>(experiment, root: 0);
        Collective.Broadcast<byte>(checkpoint, root: 0);
        return (experiment, checkpoint);
    }

    /// <summary>
    /// The leader's last word after a run ended with <paramref name="exitCode"/>: when training did not end normally
    /// (an error, an interruption), the followers are told to stop (before the start) or the job is aborted (after it).
    /// </summary>
    public int Conclude(int exitCode, bool completed)
    {
        if (Size == 1 || completed) return exitCode;
        if (!_announced)
        {
            Span<int> failed = [-1, -1];
            Collective.Broadcast(failed, root: 0);
            return exitCode;
        }
        Abort(exitCode);
        return exitCode;
    }

    /// <summary>Ends every process of the job (MPI_Abort), after the caller has said why.</summary>
    public void Abort(int exitCode)
    {
        Console.Error.Flush();
        Console.Out.Flush();
        _mpi?.Abort(exitCode);
    }

    /// <summary>MPI_Finalize when MPI was started.</summary>
    public void Dispose() => _mpi?.Dispose();

    private void Send(byte[] experiment, byte[] checkpoint)
    {
        Span<int> lengths = [experiment.Length, checkpoint.Length];
        Collective.Broadcast(lengths, root: 0);
        Collective.Broadcast<byte>(experiment, root: 0);
        Collective.Broadcast<byte>(checkpoint, root: 0);
    }
}
