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
            var problems = new List<string>();
            var experiment = Read(document.RootElement, baseDirectory, defaultName, problems);
            return problems.Count == 0 && experiment is not null
                ? experiment
                : Error.New($"{source}: {string.Join("; ", problems.Distinct().Take(20).Select(p => Echo.Clip(p, 300)))}" +
                            (problems.Distinct().Count() > 20 ? $"; and {problems.Distinct().Count() - 20} more problems" : ""));
        }
    }

    private static Experiment? Read(JsonElement root, string baseDirectory, string defaultName, List<string> problems)
    {
        if (JsonObjectReader.Open(root, "", problems) is not { } reader) return null;
        var name = reader.String("name", SafeName(defaultName)) ?? "experiment";
        if (!NamePattern().IsMatch(name))
            reader.Problem("name", $"must be 1 to 100 letters, digits, '.', '_' or '-' starting with a letter or digit (it names the run directory), got \"{Echo.Clip(name)}\"");
        var seed = reader.Seed("seed", 0);
        var data = reader.Required("data") is not null && reader.Object("data") is { } d ? ReadData(d, baseDirectory) : null;
        var network = reader.Required("network") is not null && reader.Object("network") is { } n ? NetworkReader.Read(n, problems) : null;
        var loss = reader.Required("loss") is { } l ? ComponentReader.Read(l, "loss", ComponentKind.Loss, problems) : null;
        var initializer = reader.Raw("initializer") is { } i ? ReadInitializer(i, problems) : DefaultInitializer;
        var optimizer = reader.Raw("optimizer") is { } o ? OptimizerReader.Read(o, "optimizer", problems) : OptimizerReader.Default;
        var training = reader.Object("training") is { } t ? ReadTraining(t) : DefaultTraining;
        var checkpoint = reader.Object("checkpoint") is { } c ? ReadCheckpoint(c) : DefaultCheckpoint;
        reader.Finish();
        if (data is null || network is null || loss is null || initializer is null || optimizer is null) return null;
        NetworkReader.Check(network, loss, problems);
        return new Experiment(name, seed, data, network, loss, initializer, optimizer, training, checkpoint);
    }

    /// <summary>Training settings when <c>training</c> is absent.</summary>
    public static TrainingSpec DefaultTraining { get; } = new(BatchSize: 32, Epochs: 10, ValidationSplit: 0.2, Standardize: false, DropPartialBatch: false);

    /// <summary>Checkpoints when <c>checkpoint</c> is absent: after every epoch, the newest two kept.</summary>
    public static CheckpointSpec DefaultCheckpoint { get; } = new(Every: 1, Unit: CheckpointUnit.Epochs, Keep: 2);

    /// <summary>Initializers when <c>initializer</c> is absent: Xavier (Glorot) uniform weights, zero biases.</summary>
    public static InitializerSpec DefaultInitializer { get; } =
        new(new NamedComponent("xavier_uniform", new SortedDictionary<string, double> { ["gain"] = 1.0 }),
            new NamedComponent("zeros", new SortedDictionary<string, double>()));

    private static DataSpec? ReadData(JsonObjectReader data, string baseDirectory)
    {
        var spec = DataSpecReader.Read(data, baseDirectory);
        data.Finish();
        return spec;
    }

    private static InitializerSpec? ReadInitializer(JsonElement value, List<string> problems)
    {
        if (JsonObjectReader.Open(value, "initializer", problems) is not { } reader) return null;
        var weights = reader.Raw("weights") is { } w ? ComponentReader.Read(w, "initializer.weights", ComponentKind.Initializer, problems) : DefaultInitializer.Weights;
        var bias = reader.Raw("bias") is { } b ? ComponentReader.Read(b, "initializer.bias", ComponentKind.Initializer, problems) : DefaultInitializer.Bias;
        reader.Finish();
        return weights is null || bias is null ? null : new InitializerSpec(weights, bias);
    }

    private static TrainingSpec ReadTraining(JsonObjectReader training)
    {
        var spec = new TrainingSpec(
            BatchSize: (int)training.Integer("batch_size", DefaultTraining.BatchSize, 1, int.MaxValue),
            Epochs: (int)training.Integer("epochs", DefaultTraining.Epochs, 1, int.MaxValue),
            ValidationSplit: training.Number("validation_split", DefaultTraining.ValidationSplit, NumberSetting.Fraction),
            Standardize: training.Boolean("standardize", DefaultTraining.Standardize),
            DropPartialBatch: training.Boolean("drop_partial_batch", DefaultTraining.DropPartialBatch));
        training.Finish();
        return spec;
    }

    private static CheckpointSpec ReadCheckpoint(JsonObjectReader checkpoint)
    {
        var unit = checkpoint.Choice("unit", "epochs", ["epochs", "steps"]);
        var spec = new CheckpointSpec(
            Every: (int)checkpoint.Integer("every", DefaultCheckpoint.Every, 1, int.MaxValue),
            Unit: unit == "steps" ? CheckpointUnit.Steps : CheckpointUnit.Epochs,
            Keep: (int)checkpoint.Integer("keep", DefaultCheckpoint.Keep, 1, 1000));
        checkpoint.Finish();
        return spec;
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
