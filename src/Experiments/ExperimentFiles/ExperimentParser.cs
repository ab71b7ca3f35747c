using System.Text.Json;
using System.Text.RegularExpressions;
using Functional.NN.Experiments.Storage;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// Reads an experiment file (README "Experiments"): strict JSON, every problem collected and reported in
/// one error naming its key path. Unknown keys get the nearest valid key as a suggestion; values of the
/// wrong type and impossible values are errors; absent keys take their defaults.
/// </summary>
internal static partial class ExperimentParser
{
    /// <summary>The largest experiment file read: 16 MiB (the examples are under 2 KB).</summary>
    public const long MaxFileBytes = 16 * BoundedFile.MiB;

    /// <summary>The experiment in the file at <paramref name="path"/>; relative data paths are taken from the file's folder.</summary>
    public static Fin<Experiment> Load(string path)
    {
        var read = BoundedFile.ReadAll(path, MaxFileBytes, "experiment file");
        if (read.IsFail) return read.Map(_ => default(Experiment)!);
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? Directory.GetCurrentDirectory();
        return Parse(read.ThrowIfFail(), path, directory, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>The experiment in <paramref name="utf8Json"/>.</summary>
    /// <param name="utf8Json">The file's bytes.</param>
    /// <param name="source">The file's name, at the start of every message.</param>
    /// <param name="baseDirectory">Where relative data paths start.</param>
    /// <param name="defaultName">The experiment's name when the file gives none.</param>
    public static Fin<Experiment> Parse(byte[] utf8Json, string source, string baseDirectory, string defaultName) =>
        Echo.Bounded(ParseUnbounded(utf8Json, source, baseDirectory, defaultName));

    private static Fin<Experiment> ParseUnbounded(byte[] utf8Json, string source, string baseDirectory, string defaultName)
    {
        if (!System.Text.Unicode.Utf8.IsValid(utf8Json))
            return Error.New($"{source}: not valid UTF-8 text (an experiment file is UTF-8 JSON)");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json);
        }
        catch (JsonException e)
        {
            return Error.New($"{source}: not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {e.Message}");
        }
        using (document)
        {
            return Read(document.RootElement, baseDirectory, defaultName).Match(
                Succ: Fin<Experiment>.Succ,
                Fail: errors => Fin<Experiment>.Fail(Error.New($"{source}: {Summary(errors)}")));
        }
    }

    /// <summary>Every problem once, in the order found, on one line: the first 20 (each cut at 300 characters) and how many more.</summary>
    private static string Summary(Seq<Error> errors)
    {
        var problems = errors.Select(e => e.Message).Distinct().ToList();
        return string.Join("; ", problems.Take(20).Select(p => Echo.Clip(p, 300))) +
               (problems.Count > 20 ? $"; and {problems.Count - 20} more problems" : "");
    }

    private static Validation<Error, Experiment> Read(JsonElement root, string baseDirectory, string defaultName) =>
        JsonObjectReader.Open(root, "").Bind(reader =>
        {
            var name = reader.String("name", SafeName(defaultName)).Bind(n => NamePattern().IsMatch(n)
                ? Validated.Ok(n)
                : reader.Problem<string>("name", $"must be 1 to 100 letters, digits, '.', '_' or '-' starting with a letter or digit (it names the run directory), got \"{Echo.Clip(n)}\""));
            var seed = reader.Seed("seed", 0);
            var data = reader.RequiredObject("data", d => DataSpecReader.Read(d, baseDirectory));
            var network = reader.RequiredObject("network", NetworkReader.Read);
            var loss = reader.Required("loss").Bind(l => ComponentReader.Read(l, "loss", ComponentKind.Loss));
            var initializer = reader.Raw("initializer") is { } i ? ReadInitializer(i) : DefaultInitializer;
            var optimizer = reader.Raw("optimizer") is { } o ? OptimizerReader.Read(o, "optimizer") : OptimizerReader.Default;
            var training = reader.Object("training", ReadTraining, DefaultTraining);
            var checkpoint = reader.Object("checkpoint", ReadCheckpoint, DefaultCheckpoint);
            var dtype = ElementTypeReader.Read(reader);
            var unknown = reader.Finish();
            var buildable = Validated.WhenBoth(network, loss, NetworkReader.Check);
            var runnable = Validated.WhenBoth(dtype, optimizer, ElementTypeReader.Check);
            return Validated.All(name.Ignore(), seed.Ignore(), data.Ignore(), network.Ignore(), loss.Ignore(), initializer.Ignore(),
                    optimizer.Ignore(), training.Ignore(), checkpoint.Ignore(), dtype.Ignore(), unknown, buildable, runnable)
                .Then(() =>
                    from n in name
                    from s in seed
                    from d in data
                    from net in network
                    from l in loss
                    from init in initializer
                    from opt in optimizer
                    from t in training
                    from c in checkpoint
                    from e in dtype
                    select new Experiment(n, s, d, net, l, init, opt, t, c, e));
        });

    /// <summary>Training settings when <c>training</c> is absent.</summary>
    public static TrainingSpec DefaultTraining { get; } = new(BatchSize: 32, Epochs: 10, ValidationSplit: 0.2, Standardize: false, DropPartialBatch: false);

    /// <summary>Checkpoints when <c>checkpoint</c> is absent: after every epoch, the newest two kept.</summary>
    public static CheckpointSpec DefaultCheckpoint { get; } = new(Every: 1, Unit: CheckpointUnit.Epochs, Keep: 2);

    /// <summary>Initializers when <c>initializer</c> is absent: Xavier (Glorot) uniform weights, zero biases.</summary>
    public static InitializerSpec DefaultInitializer { get; } =
        new(new NamedComponent("xavier_uniform", new SortedDictionary<string, double> { ["gain"] = 1.0 }),
            new NamedComponent("zeros", new SortedDictionary<string, double>()));

    private static Validation<Error, InitializerSpec> ReadInitializer(JsonElement value) =>
        JsonObjectReader.Open(value, "initializer").Bind(reader =>
        {
            var weights = reader.Raw("weights") is { } w ? ComponentReader.Read(w, "initializer.weights", ComponentKind.Initializer) : DefaultInitializer.Weights;
            var bias = reader.Raw("bias") is { } b ? ComponentReader.Read(b, "initializer.bias", ComponentKind.Initializer) : DefaultInitializer.Bias;
            return Validated.All(weights.Ignore(), bias.Ignore(), reader.Finish())
                .Then(() => from wt in weights from bs in bias select new InitializerSpec(wt, bs));
        });

    private static Validation<Error, TrainingSpec> ReadTraining(JsonObjectReader training)
    {
        var batchSize = training.Integer("batch_size", DefaultTraining.BatchSize, 1, int.MaxValue);
        var epochs = training.Integer("epochs", DefaultTraining.Epochs, 1, int.MaxValue);
        var validationSplit = training.Number("validation_split", DefaultTraining.ValidationSplit, NumberSetting.Fraction);
        var standardize = training.Boolean("standardize", DefaultTraining.Standardize);
        var dropPartial = training.Boolean("drop_partial_batch", DefaultTraining.DropPartialBatch);
        return Validated.All(batchSize.Ignore(), epochs.Ignore(), validationSplit.Ignore(), standardize.Ignore(), dropPartial.Ignore(), training.Finish())
            .Then(() =>
                from b in batchSize
                from e in epochs
                from v in validationSplit
                from s in standardize
                from d in dropPartial
                select new TrainingSpec(BatchSize: (int)b, Epochs: (int)e, ValidationSplit: v, Standardize: s, DropPartialBatch: d));
    }

    private static Validation<Error, CheckpointSpec> ReadCheckpoint(JsonObjectReader checkpoint)
    {
        var unit = checkpoint.Choice("unit", "epochs", ["epochs", "steps"]);
        var every = checkpoint.Integer("every", DefaultCheckpoint.Every, 1, int.MaxValue);
        var keep = checkpoint.Integer("keep", DefaultCheckpoint.Keep, 1, 1000);
        return Validated.All(unit.Ignore(), every.Ignore(), keep.Ignore(), checkpoint.Finish())
            .Then(() =>
                from u in unit
                from e in every
                from k in keep
                select new CheckpointSpec(Every: (int)e, Unit: u == "steps" ? CheckpointUnit.Steps : CheckpointUnit.Epochs, Keep: (int)k));
    }

    private static string SafeName(string name)
    {
        var safe = InvalidNameCharacters().Replace(name, "-").TrimStart('.', '-', '_');
        return safe.Length == 0 ? "experiment" : safe[..Math.Min(safe.Length, 100)];
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex InvalidNameCharacters();
}
