using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Functional.NN.Experiments.Data.Csv;
using Functional.NN.Experiments.Storage;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// Writes an experiment as canonical JSON: fixed key order, every setting present (defaults included),
/// numbers in their shortest round-trip form. Reading the text back with <see cref="ExperimentParser"/> gives
/// an equal experiment, so the text is what <c>--dry-run</c> prints, what <c>experiment.json</c> holds, and
/// what <see cref="Hash"/> identifies. The one setting left out at its default is <c>dtype</c> (written only for float32), so
/// float64 experiments keep the text and hash they had before the key existed and their runs still resume.
/// </summary>
internal static class ExperimentJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The canonical UTF-8 JSON of <paramref name="experiment"/>, ending with a line break.</summary>
    public static byte[] Serialize(Experiment experiment)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options))
            Write(json, experiment);
        stream.WriteByte((byte)'\n');
        return stream.ToArray();
    }

    /// <summary>Lower-case hex SHA-256 of <see cref="Serialize"/>: the identity of an experiment, checked when a run resumes.</summary>
    public static string Hash(Experiment experiment) => Convert.ToHexStringLower(SHA256.HashData(Serialize(experiment)));

    /// <summary>Writes <paramref name="experiment"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter json, Experiment experiment)
    {
        json.WriteStartObject();
        json.WriteString("name", experiment.Name);
        json.WriteNumber("seed", experiment.Seed);
        json.WritePropertyName("data");
        WriteData(json, experiment.Data);
        json.WriteStartObject("network");
        if (experiment.Network.InputSize is { } size) json.WriteNumber("input_size", size);
        else json.WriteString("input_size", "infer");
        json.WriteStartArray("layers");
        foreach (var layer in experiment.Network.Layers)
        {
            json.WriteStartObject();
            json.WriteNumber("units", layer.Units);
            WriteComponent(json, "activation", layer.Activation);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        WriteComponent(json, "loss", experiment.Loss);
        json.WriteStartObject("initializer");
        WriteComponent(json, "weights", experiment.Initializer.Weights);
        WriteComponent(json, "bias", experiment.Initializer.Bias);
        json.WriteEndObject();
        WriteOptimizer(json, experiment.Optimizer);
        var training = experiment.Training;
        json.WriteStartObject("training");
        json.WriteNumber("batch_size", training.BatchSize);
        json.WriteNumber("epochs", training.Epochs);
        json.WriteNumber("validation_split", training.ValidationSplit);
        json.WriteBoolean("standardize", training.Standardize);
        json.WriteBoolean("drop_partial_batch", training.DropPartialBatch);
        json.WriteEndObject();
        json.WriteStartObject("checkpoint");
        json.WriteNumber("every", experiment.Checkpoint.Every);
        json.WriteString("unit", experiment.Checkpoint.Unit == CheckpointUnit.Steps ? "steps" : "epochs");
        json.WriteNumber("keep", experiment.Checkpoint.Keep);
        json.WriteEndObject();
        if (experiment.Dtype != ElementType.Float64) json.WriteString(ElementTypeReader.Key, experiment.Dtype.Name());
        json.WriteEndObject();
    }

    private static void WriteData(Utf8JsonWriter json, DataSpec data)
    {
        json.WriteStartObject();
        json.WriteString("source", data.Source);
        switch (data)
        {
            case GeneratedDataSpec g:
                json.WriteString("generator", g.Generator);
                json.WriteNumber("count", g.Count);
                json.WriteNumber("noise", g.Noise);
                json.WriteNumber("seed", g.Seed);
                break;
            case CsvDataSpec c:
                json.WriteString("path", c.Path);
                json.WriteStartArray("feature_columns");
                foreach (var column in c.FeatureColumns) json.WriteStringValue(column);
                json.WriteEndArray();
                json.WriteString("label_column", c.LabelColumn);
                json.WriteString("task", c.Task == CsvTask.Regression ? "regression" : "classification");
                break;
            case IdxDataSpec i:
                json.WriteString("images", i.Images);
                json.WriteString("labels", i.Labels);
                json.WriteNumber("classes", i.Classes);
                if (i.TestImages is not null) json.WriteString("test_images", i.TestImages);
                if (i.TestLabels is not null) json.WriteString("test_labels", i.TestLabels);
                break;
            case FashionMnistDataSpec f:
                json.WriteString("directory", f.Directory);
                json.WriteBoolean("test", f.Test);
                break;
        }
        json.WriteEndObject();
    }

    private static void WriteOptimizer(Utf8JsonWriter json, OptimizerSpec optimizer)
    {
        json.WriteStartObject("optimizer");
        json.WriteString("name", optimizer.Name);
        json.WriteNumber("learning_rate", optimizer.LearningRate);
        foreach (var (key, value) in optimizer.Settings) json.WriteNumber(key, value);
        if (optimizer.Nesterov is { } nesterov) json.WriteBoolean("nesterov", nesterov);
        if (optimizer.ClipGlobalNorm is { } clip) json.WriteNumber("clip_global_norm", clip);
        else json.WriteNull("clip_global_norm");
        json.WriteStartObject("schedule");
        json.WriteString("name", optimizer.Schedule.Name);
        foreach (var (key, value) in optimizer.Schedule.Settings) json.WriteNumber(key, value);
        json.WriteNumber("warmup_steps", optimizer.Schedule.WarmupSteps);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteComponent(Utf8JsonWriter json, string key, NamedComponent component)
    {
        if (component.Parameters.Count == 0)
        {
            json.WriteString(key, component.Name);
            return;
        }
        json.WriteStartObject(key);
        json.WriteString("name", component.Name);
        json.WriteStartObject("parameters");
        foreach (var (name, value) in component.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteNumber(name, value);
        json.WriteEndObject();
        json.WriteEndObject();
    }
}
