using Functional.NN.App.Runs.Progress;
using Functional.NN.App.Runs;
using System.CommandLine;
using System.Globalization;
using Functional.NN.Experiments;
using Functional.NN.Experiments.Cluster;
using Functional.NN.Experiments.Runs.Progress;
using Functional.NN.Training;

namespace Functional.NN.App.Commands;

/// <summary><c>fnn train EXPERIMENT.json</c>: trains an experiment into a run directory (README "Experiments").</summary>
internal static class TrainCommand
{
    /// <summary>What <c>train</c> was asked to do.</summary>
    /// <param name="ExperimentPath">The experiment file.</param>
    /// <param name="Epochs">Overrides <c>training.epochs</c>, or null.</param>
    /// <param name="Seed">Overrides <c>seed</c>, or null.</param>
    /// <param name="Out">The run directory, or null for <c>runs/&lt;name&gt;-&lt;seed&gt;</c>.</param>
    /// <param name="Force">Replace a run already in the directory.</param>
    /// <param name="Quiet">Print only the summary.</param>
    /// <param name="DryRun">Print the resolved experiment and stop.</param>
    /// <param name="Dtype">Overrides <c>dtype</c>, or null.</param>
    public sealed record Request(string ExperimentPath, int? Epochs, ulong? Seed, string? Out, bool Force, bool Quiet, bool DryRun, ElementType? Dtype = null);

    /// <summary>The <c>train</c> command with its arguments and options.</summary>
    public static Command Create()
    {
        var experiment = new Argument<string>("EXPERIMENT") { Description = "The experiment file (JSON); see README \"Experiments\" and examples/*.json." };
        var epochs = new Option<int?>("--epochs")
        {
            Description = "Train for N epochs (overrides training.epochs).",
            CustomParser = r => Parse<int>(r, "--epochs", text => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? n : null, "a whole number of at least 1"),
        };
        var seed = new Option<ulong?>("--seed")
        {
            Description = "Use seed N (overrides seed).",
            CustomParser = r => Parse<ulong>(r, "--seed", text => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null, "a whole number from 0 to 18446744073709551615"),
        };
        var dtype = new Option<string?>("--dtype") { Description = "Train in float64 or float32 (overrides dtype)." };
        dtype.AcceptOnlyFromAmong("float64", "float32");
        var output = new Option<string?>("--out") { Description = "The run directory (default: runs/<experiment-name>-<seed>)." };
        var force = new Option<bool>("--force") { Description = "Replace a run already in the run directory." };
        var quiet = new Option<bool>("--quiet") { Description = "Print only the summary at the end." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the resolved experiment (every default filled in) and exit without training." };
        var command = new Command("train", "Train an experiment into a run directory: metrics.csv, model.fnn, best.fnn, loss.png, manifest.json, checkpoints.")
        {
            experiment, epochs, seed, output, force, quiet, dryRun, dtype,
        };
        command.SetAction(parse => Run(
            new Request(parse.GetValue(experiment)!, parse.GetValue(epochs), parse.GetValue(seed), parse.GetValue(output),
                parse.GetValue(force), parse.GetValue(quiet), parse.GetValue(dryRun),
                parse.GetValue(dtype) is { } d ? ElementTypes.FromName(d).Case as ElementType? : null),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, live: !Console.IsOutputRedirected && !Cluster.MpiConsole.Launched));
        return command;
    }

    /// <summary>Runs <paramref name="request"/>; returns the exit code.</summary>
    /// <param name="request">What to do.</param>
    /// <param name="output">Progress, the summary, or the resolved experiment.</param>
    /// <param name="error">The one-line error.</param>
    /// <param name="live">Redraw a progress line in place (a terminal) instead of one line per epoch.</param>
    /// <param name="interrupt">Asked after every step whether to stop (tests); Ctrl+C also stops.</param>
    public static int Run(Request request, TextWriter output, TextWriter error, bool live, Func<RunPosition, bool>? interrupt = null)
    {
        var parsed = ExperimentFile.Load(request.ExperimentPath).Map(e => e.WithSeed(request.Seed ?? e.Seed));
        if (request.Epochs is { } epochs) parsed = parsed.Bind(e => e.WithEpochs(epochs));
        if (request.Dtype is { } type) parsed = parsed.Bind(e => e.WithDtype(type));
        if (request.DryRun)
            return RunOutcome.Report(parsed.Bind(e => e.Resolve()), error, resolved => output.Write(resolved.ToJson()));
        var started = RunWorld.FromEnvironment();
        if (started.IsFail) return RunOutcome.Report(started, error, _ => { });
        using var world = started.ThrowIfFail();
        if (!world.IsLeader) return FollowerRun.Run(world, error);
        using var cancel = new CtrlC();
        IRunObserver observer = request.Quiet ? new QuietProgress(error) : live ? new LiveProgress(output) : new EpochLines(output);
        var options = new RunOptions(request.Out, request.Force) { Stop = p => cancel.Requested || (interrupt?.Invoke(p) ?? false) };
        var result = parsed.Bind(e => TrainingRuns.Observed(e, options, observer, world));
        observer.Stopped(); // clears a status line left by loading or the final evaluation
        return world.Conclude(RunOutcome.ReportRun(result, output, error), result.Map(r => r.Completed).IfFail(false));
    }

    private static T? Parse<T>(System.CommandLine.Parsing.ArgumentResult result, string name, Func<string, T?> parse, string expected) where T : struct
    {
        var text = string.Join(" ", result.Tokens.Select(t => t.Value));
        if (parse(text) is { } value) return value;
        result.AddError($"{name} must be {expected}, got '{text}'");
        return null;
    }
}
