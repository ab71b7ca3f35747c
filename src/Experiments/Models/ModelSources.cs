using Functional.NN.Interchange;
using Functional.NN.Experiments.Storage;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Models;

/// <summary>
/// Where the export commands read models from: a plain JSON model (the reference-case layout, <c>*.json</c>, see
/// <see cref="PlainJsonModel"/>) or an <c>fnn</c> model file (<see cref="TrainedModel.Load"/>). Either way the result
/// is a <see cref="TrainedModel"/>: a plain JSON model is one without a standardizer, named after its case or file.
/// </summary>
internal static class ModelSources
{
    /// <summary>
    /// The model at <paramref name="path"/>: a plain JSON model when the name ends in <c>.json</c>
    /// (<paramref name="caseName"/> picks one case of a reference file), otherwise an <c>fnn</c> model file.
    /// Errors start with the path.
    /// </summary>
    public static Fin<TrainedModel> Load(string path, string? caseName)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return caseName is null ? TrainedModel.Load(path) : Error.New($"{path}: --case applies to plain JSON models only");
        return from bytes in BoundedFile.ReadAll(path, MaxPlainJsonBytes, "plain JSON model")
               from model in ParsePlainJson(path, bytes, caseName)
               select model;
    }

    /// <summary>
    /// The plain JSON model in <paramref name="bytes"/> (the file <paramref name="path"/>), its errors bounded
    /// (<see cref="Echo.Bounded{T}"/>): raw inputs, experiment named <paramref name="caseName"/> or else after the file.
    /// </summary>
    public static Fin<TrainedModel> ParsePlainJson(string path, byte[] bytes, string? caseName) =>
        Echo.Bounded(
            from text in Utf8(path, bytes)
            from model in Prefixed(path, PlainJsonModel.Parse(text, caseName))
            from trained in Prefixed(path, TrainedModel.Create(model.Network, model.Parameters, caseName ?? Path.GetFileNameWithoutExtension(path)))
            select (TrainedModel)trained);

    /// <summary>The largest plain JSON model file read: 256 MiB (the reference cases take about 1 MB).</summary>
    public const long MaxPlainJsonBytes = 256 * BoundedFile.MiB;

    private static Fin<string> Utf8(string path, byte[] bytes)
    {
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (System.Text.DecoderFallbackException)
        {
            return Error.New($"{path}: not a plain JSON model: the file is not UTF-8 text");
        }
    }

    /// <summary>The value, or its error with the message prefixed by <paramref name="path"/>.</summary>
    public static Fin<T> Prefixed<T>(string path, Fin<T> value) =>
        value.Match(Succ: Fin<T>.Succ, Fail: e => Fin<T>.Fail(Error.New($"{path}: {e.Message}")));
}
