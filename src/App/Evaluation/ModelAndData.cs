using Functional.NN.App.DataSources;
using Functional.NN.App.Storage;
using LanguageExt;

namespace Functional.NN.App.Evaluation;

/// <summary>A saved model and a data set checked to fit it: what <c>evaluate</c> and <c>predict</c> start from.</summary>
/// <param name="ModelPath">The model file as given on the command line.</param>
/// <param name="Model">The model read from it.</param>
/// <param name="Source">Where the examples came from.</param>
/// <param name="Data">The examples, shaped for the model's network.</param>
internal sealed record ModelAndData(string ModelPath, SavedModel Model, DataSource Source, FittedDataset Data)
{
    /// <summary>
    /// Reads the model at <paramref name="modelPath"/> (<see cref="ModelFile.Load"/>), loads
    /// <paramref name="source"/> and fits it to the model (<see cref="DatasetFit.ToNetwork"/>); the first
    /// problem is the error, naming the file or the sizes that differ.
    /// </summary>
    public static Fin<ModelAndData> Load(string modelPath, DataSource source) =>
        from model in ModelFile.Load(modelPath)
        from loaded in source.Load()
        from data in DatasetFit.ToNetwork(loaded, model.Network)
        select new ModelAndData(modelPath, model, source, data);
}
