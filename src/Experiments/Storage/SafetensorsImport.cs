using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Model;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>A model rebuilt from a safetensors file and an experiment's network.</summary>
/// <param name="Network">The experiment's network.</param>
/// <param name="Weights">The parameters and standardizer read from the file.</param>
/// <param name="Experiment">The experiment's name, for the model file's metadata.</param>
/// <param name="InputSizeFromFile">True when the experiment's input size is <c>"infer"</c> and was taken from <c>layers.0.weight</c>.</param>
/// <param name="ExperimentStandardizes">True when the experiment trains on standardized inputs (<c>training.standardize</c>).</param>
internal sealed record ImportedModel(Network Network, SafetensorsWeights Weights, string Experiment, bool InputSizeFromFile, bool ExperimentStandardizes);

/// <summary>
/// Reads weights in the <see cref="SafetensorsModel"/> layout (for example trained in PyTorch) for the network of
/// an experiment file, and saves them as an <c>fnn</c> model file. The experiment's data is not loaded: an input
/// size of <c>"infer"</c> is taken from the shape of <c>layers.0.weight</c>.
/// </summary>
internal static class SafetensorsImport
{
    /// <summary>The model of <paramref name="experimentPath"/>'s network with the weights of <paramref name="safetensorsPath"/>.</summary>
    public static Fin<ImportedModel> Read(string safetensorsPath, string experimentPath) =>
        from experiment in ExperimentParser.Load(experimentPath)
        from contents in SafetensorsReader.Read(safetensorsPath)
        from inputSize in InputSize(experiment, contents, safetensorsPath)
        from network in NetworkReader.Build(experiment.Network with { InputSize = inputSize }, experiment.Loss)
            .Match(Succ: Fin<Network>.Succ, Fail: e => Fin<Network>.Fail(Error.New($"{experimentPath}: {e.Message}")))
        from weights in SafetensorsModel.Weights(safetensorsPath, contents, network)
        select new ImportedModel(network, weights, experiment.Name, experiment.Network.InputSize is null, experiment.Training.Standardize);

    /// <summary>Reads as <see cref="Read"/> does and saves the model file <paramref name="modelPath"/> atomically.</summary>
    public static Fin<ImportedModel> ToModelFile(string safetensorsPath, string experimentPath, string modelPath) =>
        from model in Read(safetensorsPath, experimentPath)
        from trained in model.Weights.Model(model.Network, model.Experiment)
        from _ in trained.Save(modelPath)
        select model;

    private static Fin<int> InputSize(Experiment experiment, SafetensorsContents contents, string source)
    {
        if (experiment.Network.InputSize is { } given) return given;
        var first = contents.Tensors.FirstOrDefault(t => t.Name == SafetensorsModel.WeightName(0));
        return first is { Shape.Length: 2 } && first.Shape[1] is > 0 and <= int.MaxValue
            ? (int)first.Shape[1]
            : Error.New($"{source}: the experiment's network.input_size is \"infer\", and the file has no 2-D {SafetensorsModel.WeightName(0)} to take it from");
    }
}
