using Functional.NN.Experiments.Models;
using LanguageExt;

namespace Functional.NN.Experiments.Storage;

/// <summary>What <see cref="SafetensorsExport.FromModel"/> wrote.</summary>
/// <param name="Model">The model that was exported.</param>
/// <param name="Bytes">The size of the written file.</param>
/// <param name="Tensors">The number of tensors written (two per layer).</param>
internal sealed record SafetensorsExported(TrainedModel Model, long Bytes, int Tensors);

/// <summary>
/// Exports a model to the safetensors layout of <see cref="SafetensorsModel"/>: an <c>fnn</c> model file
/// (its experiment name goes into the metadata) or a plain JSON model (<c>*.json</c>, the reference-case layout;
/// <c>caseName</c> picks one case of a file that holds several).
/// </summary>
internal static class SafetensorsExport
{
    /// <summary>Reads the model at <paramref name="modelPath"/> and writes <paramref name="outputPath"/> atomically.</summary>
    public static Fin<SafetensorsExported> FromModel(string modelPath, string outputPath, string? caseName = null) =>
        from model in ModelSources.Load(modelPath, caseName)
        from _ in model.SaveSafetensors(outputPath)
        select new SafetensorsExported(model, new FileInfo(outputPath).Length, 2 * model.Network.Layers.Length);
}
