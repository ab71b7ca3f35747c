using System.Text.Json;
using Functional.NN.App.Storage;
using Functional.NN.Data;
using LanguageExt;

namespace Functional.NN.App.Runs;

/// <summary>
/// <c>standardizer.json</c>: the per-feature mean and scale (exact IEEE bits, <see cref="TensorEncoding"/>) that
/// the run's models expect their inputs to be standardized with, x' = (x - mean)/scale.
/// </summary>
internal static class StandardizerFile
{
    /// <summary>Writes <paramref name="standardizer"/> to <paramref name="path"/> atomically.</summary>
    public static Fin<Unit> Save(string path, Standardizer standardizer)
    {
        var document = new Dictionary<string, TensorDocument>
        {
            ["mean"] = TensorEncoding.Encode(standardizer.Mean),
            ["scale"] = TensorEncoding.Encode(standardizer.Scale),
        };
        var options = new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };
        return AtomicFile.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(document, options));
    }
}
