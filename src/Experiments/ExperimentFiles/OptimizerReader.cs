using System.Collections.Immutable;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;
using static LanguageExt.Prelude;

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

    /// <summary>The optimizer in <paramref name="value"/>, or every problem found in it.</summary>
    public static Validation<Error, OptimizerSpec> Read(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
            return Named(value.GetString()!, path).Map(name =>
                Default with { Name = name, Settings = Defaults(OptimizerCatalog.Optimizers[name]), Nesterov = name == "sgd_momentum" ? false : null });
        return JsonObjectReader.Open(value, path).Bind(reader =>
        {
            var optimizer = reader.String("name", OptimizerCatalog.DefaultOptimizer).Bind(name => Named(name, reader.KeyPath("name")));
            var rate = reader.Number("learning_rate", OptimizerCatalog.DefaultLearningRate, NumberSetting.Positive);
            var clip = reader.Raw("clip_global_norm") is { ValueKind: not JsonValueKind.Null }
                ? reader.Number("clip_global_norm", 1.0, NumberSetting.Positive).Map(Some)
                : Option<double>.None;
            var schedule = reader.Raw("schedule") is { } s ? ReadSchedule(s, reader.KeyPath("schedule")) : ConstantSchedule;
            var common = Validated.All(optimizer.Ignore(), rate.Ignore(), clip.Ignore(), schedule.Ignore());
            // The optimizer's own settings (and so the object's valid keys) are known only once its name is; without
            // a known name, common fails (it holds the name's problem with the others) and is the result.
            return optimizer.Match(
                Fail: _ => common.Map(_ => Default),
                Succ: name =>
                {
                    var settings = ReadSettings(reader, OptimizerCatalog.Optimizers[name]);
                    var nesterov = name == "sgd_momentum" ? reader.Boolean("nesterov", false).Map(Some) : Option<bool>.None;
                    return Validated.All(common, settings.Ignore(), nesterov.Ignore(), reader.Finish()).Then(() =>
                        from r in rate
                        from c in clip
                        from sc in schedule
                        from st in settings
                        from n in nesterov
                        select new OptimizerSpec(name, r, st, n.ToNullable(), c.ToNullable(), sc));
                });
        });
    }

    private static Validation<Error, ScheduleSpec> ReadSchedule(JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String)
            return Choose(value.GetString()!, OptimizerCatalog.Schedules.Keys.ToList(), "schedule", path).Bind(name =>
                OptimizerCatalog.Schedules[name].Any(s => s.Default is null)
                    ? Validated.Problem<ScheduleSpec>(
                        $"{path}: the schedule '{name}' needs settings ({string.Join(", ", OptimizerCatalog.Schedules[name].Where(s => s.Default is null).Select(s => s.Key))}); " +
                        $"write it as an object, e.g. {{\"name\": \"{name}\", ...}}")
                    : new ScheduleSpec(name, Defaults(OptimizerCatalog.Schedules[name]), 0));
        return JsonObjectReader.Open(value, path).Bind(reader =>
        {
            var schedule = reader.RequiredString("name").Bind(n => Choose(n, OptimizerCatalog.Schedules.Keys.ToList(), "schedule", reader.KeyPath("name")));
            var warmup = reader.Integer("warmup_steps", 0, 0, int.MaxValue);
            var common = Validated.All(schedule.Ignore(), warmup.Ignore());
            return schedule.Match(
                Fail: _ => common.Map(_ => ConstantSchedule), // fails: common holds the name's problem
                Succ: name =>
                {
                    var settings = ReadSettings(reader, OptimizerCatalog.Schedules[name]);
                    return Validated.All(common, settings.Ignore(), reader.Finish())
                        .Then(() => from w in warmup from st in settings select new ScheduleSpec(name, st, (int)w));
                });
        });
    }

    private static Validation<Error, ImmutableSortedDictionary<string, double>> ReadSettings(JsonObjectReader reader, ImmutableArray<NumberSetting> settings) =>
        Validated.Each(settings.Select(setting =>
            (setting.Default is null ? reader.Required(setting.Key).Ignore() : Validated.Ok(unit)).Bind(_ => setting.Whole
                ? reader.Integer(setting.Key, (long)(setting.Default ?? 1), long.MinValue).Bind(whole =>
                    setting.Problem(whole) is { } why ? reader.Problem<double>(setting.Key, $"{why}, got {whole}") : Validated.Ok((double)whole))
                : reader.Number(setting.Key, setting.Default ?? 0.0, setting.Problem))
            .Map(number => (setting.Key, Number: number))))
        .Map(values => values.ToImmutableSortedDictionary(v => v.Key, v => v.Number, StringComparer.Ordinal));

    private static ImmutableSortedDictionary<string, double> Defaults(ImmutableArray<NumberSetting> settings) =>
        settings.ToImmutableSortedDictionary(s => s.Key, s => s.Default ?? 0.0, StringComparer.Ordinal);

    private static Validation<Error, string> Named(string name, string path) =>
        Choose(name, OptimizerCatalog.Optimizers.Keys.ToList(), "optimizer", path);

    private static Validation<Error, string> Choose(string name, IReadOnlyList<string> names, string noun, string path) =>
        names.Contains(name)
            ? Validated.Ok(name)
            : Validated.Problem<string>($"{path}: unknown {noun} '{Storage.Echo.Clip(name)}'" +
                                        (KeySuggestion.Nearest(name, names) is { } near ? $"; did you mean '{near}'?" : "") + $" (known: {string.Join(", ", names)})");
}
