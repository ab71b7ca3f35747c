using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// Reads an experiment file's top-level <c>"dtype"</c> (<c>"float64"</c>, the default, or <c>"float32"</c>) and checks that
/// the rest of the experiment can run in it: in float32 every optimizer and schedule setting must keep its meaning, so a
/// finite non-zero value that float32 rounds to 0 or to infinity (an <c>eps</c> of 1e-50, a rate of 1e40) is a problem
/// naming its key.
/// </summary>
internal static class ElementTypeReader
{
    /// <summary>The key of the element type.</summary>
    public const string Key = "dtype";

    /// <summary>The element type <paramref name="reader"/>'s object names, Float64 when it names none.</summary>
    public static Validation<Error, ElementType> Read(JsonObjectReader reader) =>
        reader.String(Key, ElementType.Float64.Name()).Bind(name => ElementTypes.FromName(name).Match(
            Some: Validated.Ok,
            None: () => reader.Problem<ElementType>(Key, $"expected \"float32\" or \"float64\", got \"{Storage.Echo.Clip(name)}\"")));

    /// <summary>Success unless <paramref name="dtype"/> is float32 and a setting of <paramref name="optimizer"/> does not survive rounding to it.</summary>
    public static Validation<Error, Unit> Check(ElementType dtype, OptimizerSpec optimizer)
    {
        if (dtype != ElementType.Float32) return Validated.Ok(Prelude.unit);
        var settings = new List<(string Key, double Value)> { ("optimizer.learning_rate", optimizer.LearningRate) };
        settings.AddRange(optimizer.Settings.Select(s => ($"optimizer.{s.Key}", s.Value)));
        if (optimizer.ClipGlobalNorm is { } clip) settings.Add(("optimizer.clip_global_norm", clip));
        settings.AddRange(optimizer.Schedule.Settings.Select(s => ($"optimizer.schedule.{s.Key}", s.Value)));
        return Validated.All([.. settings.Select(s => Survives(s.Key, s.Value))]);
    }

    private static Validation<Error, Unit> Survives(string key, double value)
    {
        var rounded = (float)value;
        return Validated.Check(value == 0 || (rounded != 0 && float.IsFinite(rounded)), () =>
            $"{key}: {JsonObjectReader.Text(value)} is {(rounded == 0 ? "0" : "infinite")} in float32 (\"dtype\": \"float32\"); " +
            $"float32 holds magnitudes from {JsonObjectReader.Text(float.Epsilon)} to {JsonObjectReader.Text(float.MaxValue)}");
    }
}
