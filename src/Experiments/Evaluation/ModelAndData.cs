using Functional.NN.Experiments.DataSources;
using Functional.NN.Data;
using LanguageExt;

namespace Functional.NN.Experiments.Evaluation;

/// <summary>A saved model and a data set checked to fit it: what <c>evaluate</c> and <c>predict</c> start from.</summary>
/// <param name="ModelPath">The model file as given on the command line.</param>
/// <param name="Model">The model read from it.</param>
/// <param name="Source">Where the examples came from.</param>
/// <param name="Data">
/// The examples, shaped for the model's network and, when the model carries an input standardizer,
/// standardized with it: ready for the forward pass.
/// </param>
internal sealed record ModelAndData(string ModelPath, TrainedModel Model, DataSource Source, FittedDataset Data)
{
    /// <summary>True when <see cref="Data"/>'s features were standardized with the model's training statistics.</summary>
    public bool InputsStandardized => Model.Standardizer.IsSome;

    /// <summary>How the inputs reached the network, for the commands' output.</summary>
    public string InputsDescription => InputsStandardized
        ? "standardized with the model's training statistics"
        : "as given (the model has no input standardizer)";

    /// <summary>
    /// Reads the model at <paramref name="modelPath"/> (<see cref="TrainedModel.Load"/>), loads
    /// <paramref name="source"/>, fits it to the model and standardizes its features with the model's standardizer,
    /// if any (<see cref="TrainedModel.Fit"/>, as <see cref="TrainedModel.Predict(LabeledData)"/> does); the first
    /// problem is the error, naming the file or the sizes that differ.
    /// </summary>
    public static Fin<ModelAndData> Load(string modelPath, DataSource source) =>
        from model in TrainedModel.Load(modelPath)
        from loaded in source.Load()
        from data in model.Fit(loaded)
        select new ModelAndData(modelPath, model, source, data);
}
