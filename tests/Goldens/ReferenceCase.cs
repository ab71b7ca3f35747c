using System.Text.Json;
using System.Text.Json.Serialization;

namespace Functional.NN.Tests.Goldens;

/// <summary>One layer's W (rows) and b, as stored in the reference files.</summary>
public sealed record GoldenLayer(
    [property: JsonPropertyName("W")] double[][] W,
    [property: JsonPropertyName("b")] double[] B);

/// <summary>One layer's z and a over the batch.</summary>
public sealed record GoldenTrace(
    [property: JsonPropertyName("z")] double[][] Z,
    [property: JsonPropertyName("a")] double[][] A);

/// <summary>Three optimizer steps recorded by torch.optim.</summary>
public sealed record GoldenOptimizerRun(
    [property: JsonPropertyName("hyper")] Dictionary<string, JsonElement> Hyper,
    [property: JsonPropertyName("steps")] int Steps,
    [property: JsonPropertyName("losses")] double[] Losses,
    [property: JsonPropertyName("params_after_step1")] GoldenLayer[] ParamsAfterStep1,
    [property: JsonPropertyName("params_final")] GoldenLayer[] ParamsFinal);

/// <summary>A reference case computed with PyTorch in float64 (see ../shared/goldens/README.md).</summary>
public sealed record ReferenceCase(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("layer_sizes")] int[] LayerSizes,
    [property: JsonPropertyName("activations")] string[] Activations,
    [property: JsonPropertyName("loss")] string Loss,
    [property: JsonPropertyName("batch_size")] int BatchSize,
    [property: JsonPropertyName("params")] GoldenLayer[] Params,
    [property: JsonPropertyName("inputs")] double[][] Inputs,
    [property: JsonPropertyName("targets")] double[][] Targets,
    [property: JsonPropertyName("labels")] int[]? Labels,
    [property: JsonPropertyName("output")] double[][] Output,
    [property: JsonPropertyName("loss_value")] double LossValue,
    [property: JsonPropertyName("grads")] GoldenLayer[] Grads,
    [property: JsonPropertyName("forward_trace")] GoldenTrace[] ForwardTrace,
    [property: JsonPropertyName("optimizers")] Dictionary<string, GoldenOptimizerRun> Optimizers)
{
    /// <summary>The file the case came from, for messages.</summary>
    [JsonIgnore] public string Source { get; init; } = "";

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({Path.GetFileName(Source)})";
}

/// <summary>The top level of a reference file.</summary>
public sealed record ReferenceFile(
    [property: JsonPropertyName("format_version")] int FormatVersion,
    [property: JsonPropertyName("cases")] ReferenceCase[] Cases);

/// <summary>Loads every reference case from ../shared/goldens and from the directory named by FNN_GOLDENS.</summary>
public static class ReferenceCases
{
    /// <summary>The directories searched: the shared goldens, and FNN_GOLDENS when set.</summary>
    public static IReadOnlyList<string> Directories()
    {
        var dirs = new List<string>();
        var shared = SharedDirectory();
        if (shared is not null) dirs.Add(shared);
        var extra = Environment.GetEnvironmentVariable("FNN_GOLDENS");
        if (!string.IsNullOrWhiteSpace(extra)) dirs.Add(Path.GetFullPath(extra));
        return dirs.Distinct().ToList();
    }

    /// <summary>Every case of every *.json file in <see cref="Directories"/>.</summary>
    public static IReadOnlyList<ReferenceCase> All() =>
        Directories()
            .SelectMany(d => Directory.Exists(d)
                ? Directory.GetFiles(d, "*.json").Order(StringComparer.Ordinal)
                : throw new DirectoryNotFoundException($"reference directory {d} does not exist"))
            .SelectMany(Load)
            .ToList();

    /// <summary>The cases of one file; a file in another format is an error, never silently empty.</summary>
    public static IEnumerable<ReferenceCase> Load(string path)
    {
        var file = JsonSerializer.Deserialize<ReferenceFile>(File.ReadAllText(path))
                   ?? throw new InvalidDataException($"{path}: empty reference file");
        if (file.FormatVersion != 1) throw new InvalidDataException($"{path}: format_version {file.FormatVersion}, expected 1");
        return file.Cases.Select(c => c with { Source = path });
    }

    /// <summary>Test data for xunit theories: one row per case name.</summary>
    public static IEnumerable<object[]> Names() => All().Select(c => new object[] { c.Name });

    /// <summary>The case called <paramref name="name"/>.</summary>
    public static ReferenceCase Named(string name) => All().Single(c => c.Name == name);

    /// <summary>../shared/goldens beside the checkout (or above the test binaries), or null when there is none.</summary>
    public static string? SharedDirectory()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "goldens");
            if (Directory.Exists(candidate)) return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared", "goldens");
            if (File.Exists(Path.Combine(dir.FullName, "Functional.NN.sln")) && Directory.Exists(candidate))
                return Path.GetFullPath(candidate);
        }
        return null;
    }
}
