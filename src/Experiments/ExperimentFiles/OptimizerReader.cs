using System.Collections.Immutable;
using System.Text.Json;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// Reads the <c>optimizer</c> value of an experiment file: a name (<c>"adam"</c>) or an object with
/// <c>name</c>, <c>learning_rate</c>, the optimizer's own settings, <c>clip_global_norm</c> and
/// <c>schedule</c> (a name or an object with <c>name</c>, its settings and <c>warmup_steps</c>).
/// </summary>
internal static class OptimizerReader
{
    private static ScheduleSpec ConstantSchedule { get; } = new("constant", ImmutableSortedDictionary<string, double>.Empty, 0);

    /// <summary>The optimizer when the key is absent: Adam with η = 0.001 and a constant rate.</summary>
    public static OptimizerSpec Default { get; } = new(OptimizerCatalog.DefaultOptimizer, OptimizerCatalog.DefaultLearningRate,
        Defaults(OptimizerCatalog.Optimizers[OptimizerCatalog.DefaultOptimizer]), null, null, ConstantSchedule);

    /// <summary>The optimizer in <paramref name="value"/>, or null with the problems recorded.</summary>
    public static OptimizerSpec? Read(JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.String)
            return Named(value.GetString()!, path, problems) is { } name
                ? Default with { Name = name, Settings = Defaults(OptimizerCatalog.Optimizers[name]), Nesterov = name == "sgd_momentum" ? false : null }
                : null;
        if (JsonObjectReader.Open(value, path, problems) is not { } reader) return null;
        var optimizer = Named(reader.String("name", OptimizerCatalog.DefaultOptimizer)!, reader.KeyPath("name"), problems);
        var rate = reader.Number("learning_rate", OptimizerCatalog.DefaultLearningRate, NumberSetting.Positive);
        double? clip = reader.Raw("clip_global_norm") is { ValueKind: not JsonValueKind.Null } ? reader.Number("clip_global_norm", 1.0, NumberSetting.Positive) : null;
        var schedule = reader.Raw("schedule") is { } s ? ReadSchedule(s, reader.KeyPath("schedule"), problems) : ConstantSchedule;
        if (optimizer is null) return null;
        var settings = ReadSettings(reader, OptimizerCatalog.Optimizers[optimizer]);
        bool? nesterov = optimizer == "sgd_momentum" ? reader.Boolean("nesterov", false) : null;
        reader.Finish();
        return schedule is null || settings is null ? null : new OptimizerSpec(optimizer, rate, settings, nesterov, clip, schedule);
    }

    private static ScheduleSpec? ReadSchedule(JsonElement value, string path, List<string> problems)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var name = Choose(value.GetString()!, OptimizerCatalog.Schedules.Keys.ToList(), "schedule", path, problems);
            if (name is null) return null;
            if (OptimizerCatalog.Schedules[name].Any(s => s.Default is null))
            {
                problems.Add($"{path}: the schedule '{name}' needs settings ({string.Join(", ", OptimizerCatalog.Schedules[name].Where(s => s.Default is null).Select(s => s.Key))}); " +
                             $"write it as an object, e.g. {{\"name\": \"{name}\", ...}}");
                return null;
            }
            return new ScheduleSpec(name, Defaults(OptimizerCatalog.Schedules[name]), 0);
        }
        if (JsonObjectReader.Open(value, path, problems) is not { } reader) return null;
        var schedule = reader.RequiredString("name") is { } n ? Choose(n, OptimizerCatalog.Schedules.Keys.ToList(), "schedule", reader.KeyPath("name"), problems) : null;
        var warmup = (int)reader.Integer("warmup_steps", 0, 0, int.MaxValue);
        if (schedule is null) return null;
        var settings = ReadSettings(reader, OptimizerCatalog.Schedules[schedule]);
        reader.Finish();
        return settings is null ? null : new ScheduleSpec(schedule, settings, warmup);
    }

    private static ImmutableSortedDictionary<string, double>? ReadSettings(JsonObjectReader reader, ImmutableArray<NumberSetting> settings)
    {
        var values = ImmutableSortedDictionary.CreateBuilder<string, double>(StringComparer.Ordinal);
        var complete = true;
        foreach (var setting in settings)
        {
            if (setting.Default is null && reader.Required(setting.Key) is null) { complete = false; continue; }
            if (!setting.Whole)
            {
                values[setting.Key] = reader.Number(setting.Key, setting.Default ?? 0.0, setting.Problem);
                continue;
            }
            var whole = reader.Integer(setting.Key, (long)(setting.Default ?? 1), long.MinValue);
            if (setting.Problem(whole) is { } why)
            {
                reader.Problem(setting.Key, $"{why}, got {whole}");
                complete = false;
            }
            values[setting.Key] = whole;
        }
        return complete ? values.ToImmutable() : null;
    }

    private static ImmutableSortedDictionary<string, double> Defaults(ImmutableArray<NumberSetting> settings) =>
        settings.ToImmutableSortedDictionary(s => s.Key, s => s.Default ?? 0.0, StringComparer.Ordinal);

    private static string? Named(string name, string path, List<string> problems) =>
        Choose(name, OptimizerCatalog.Optimizers.Keys.ToList(), "optimizer", path, problems);

    private static string? Choose(string name, IReadOnlyList<string> names, string noun, string path, List<string> problems)
    {
        if (names.Contains(name)) return name;
        problems.Add($"{path}: unknown {noun} '{Storage.Echo.Clip(name)}'" +
                     (KeySuggestion.Nearest(name, names) is { } near ? $"; did you mean '{near}'?" : "") + $" (known: {string.Join(", ", names)})");
        return null;
    }
}
