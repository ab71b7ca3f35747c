using Functional.NN.Interchange;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Models;

/// <summary>
/// Where commands read models from: a plain JSON model (the reference-case layout, <c>*.json</c>, see
/// <see cref="PlainJsonModel"/>) or an <c>fnn</c> model file, read by the loader the program wires in.
/// </summary>
internal static class ModelSources
{
    /// <summary>
    /// The model at <paramref name="path"/>: a plain JSON model when the name ends in <c>.json</c>
    /// (<paramref name="caseName"/> picks one case of a reference file), otherwise whatever
    /// <paramref name="modelFiles"/> reads. Errors start with the path.
    /// </summary>
    public static Fin<LoadedModel> Load(string path, string? caseName, ModelLoader modelFiles)
    {
        if (!path.EndsWith(".json", StringComparison.OrdinalIgnoreCase))
            return caseName is null ? modelFiles(path) : Error.New($"{path}: --case applies to plain JSON models only");
        if (!File.Exists(path)) return Error.New($"{path}: no such file");
        return Prefixed(path, PlainJsonModel.Parse(File.ReadAllText(path), caseName).Map(m => new LoadedModel(m.Network, m.Parameters, Option<Functional.NN.Data.Standardizer>.None)));
    }

    /// <summary>The value, or its error with the message prefixed by <paramref name="path"/>.</summary>
    public static Fin<T> Prefixed<T>(string path, Fin<T> value) =>
        value.Match(Succ: Fin<T>.Succ, Fail: e => Fin<T>.Fail(Error.New($"{path}: {e.Message}")));
}
