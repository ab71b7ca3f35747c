using Functional.NN.Data;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Experiments.Evaluation;
using Functional.NN.Experiments.Storage;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments;

/// <summary>
/// A trained model as a <c>model.fnn</c> file holds it: the network, its parameters, the input standardizer it
/// was trained with (if any) and the name of the experiment that made it. The same file <c>fnn train</c> writes
/// and <c>fnn evaluate</c> and <c>fnn predict</c> read (docs/model-format.md). Immutable.
/// </summary>
public sealed class TrainedModel
{
    private TrainedModel(Network network, Parameters parameters, Option<Standardizer> standardizer, string experiment)
    {
        Network = network;
        Parameters = parameters;
        Standardizer = standardizer;
        Experiment = experiment;
    }

    /// <summary>The architecture.</summary>
    public Network Network { get; }

    /// <summary>The numbers; they fit <see cref="Network"/>.</summary>
    public Parameters Parameters { get; }

    /// <summary>
    /// The standardization raw inputs get before the forward pass, x' = (x - mean)/scale per feature, or None
    /// when the network takes raw inputs.
    /// </summary>
    public Option<Standardizer> Standardizer { get; }

    /// <summary>The name of the experiment that produced the model (kept in the file's metadata).</summary>
    public string Experiment { get; }

    /// <summary>
    /// A model of <paramref name="network"/> with <paramref name="parameters"/>, or an error when the parameters
    /// do not fit the network or the standardizer has another number of features than the network has inputs.
    /// </summary>
    /// <param name="network">The architecture.</param>
    /// <param name="parameters">The trained numbers.</param>
    /// <param name="standardizer">The standardization the network was trained with, or None for raw inputs.</param>
    /// <param name="experiment">The experiment's name for the file's metadata.</param>
    public static Fin<TrainedModel> Create(Network network, Parameters parameters, Option<Standardizer> standardizer, string experiment)
    {
        if (!parameters.Fits(network))
            return Error.New($"trained model: parameters {parameters.Describe()} do not fit network {network}");
        if (standardizer.Exists(s => s.FeatureCount != network.InputSize))
            return Error.New($"trained model: the standardizer has {standardizer.Map(s => s.FeatureCount).IfNone(0)} features, " +
                             $"network {network} takes {network.InputSize} inputs");
        return new TrainedModel(network, parameters, standardizer, experiment);
    }

    /// <summary>A model that takes raw inputs (no standardizer), or an error when the parameters do not fit the network.</summary>
    /// <param name="network">The architecture.</param>
    /// <param name="parameters">The trained numbers.</param>
    /// <param name="experiment">The experiment's name for the file's metadata.</param>
    public static Fin<TrainedModel> Create(Network network, Parameters parameters, string experiment) =>
        Create(network, parameters, Option<Standardizer>.None, experiment);

    /// <summary>
    /// The model in the <c>model.fnn</c> file at <paramref name="path"/>, or an error starting with the path: no
    /// such file, another kind of file, an unsupported version, a truncated or corrupted file, an invalid payload.
    /// </summary>
    /// <param name="path">The model file.</param>
    public static Fin<TrainedModel> Load(string path) => ModelFile.Load(path).Map(FromSaved);

    /// <summary>Writes the model to <paramref name="path"/> atomically, replacing the file if it exists; its directory must exist.</summary>
    /// <param name="path">The target file, conventionally <c>*.fnn</c>.</param>
    public Fin<Unit> Save(string path) => ModelFile.Save(path, Network, Parameters, Experiment, Standardizer);

    /// <summary>
    /// Writes the parameters to <paramref name="path"/> as safetensors, atomically: <c>layers.{l}.weight</c>
    /// <c>[units, inputs]</c> and <c>layers.{l}.bias</c> <c>[units]</c> in float64, the layout of <c>torch.nn.Linear</c>,
    /// with the architecture and the standardizer in <c>__metadata__</c> (docs/safetensors.md).
    /// </summary>
    /// <param name="path">The target file, conventionally <c>*.safetensors</c>.</param>
    public Fin<Unit> SaveSafetensors(string path) => SafetensorsModel.Save(path, Network, Parameters, Standardizer, Experiment);

    /// <summary>
    /// The model of <paramref name="network"/> with the weights of the safetensors file at <paramref name="path"/> (for
    /// example written from PyTorch), or an error naming every missing, extra, mis-shaped or non-float64 tensor and
    /// metadata that describes another network. The standardizer comes from the file's metadata when it has one.
    /// </summary>
    /// <param name="path">The safetensors file.</param>
    /// <param name="network">The architecture the weights are for.</param>
    /// <param name="experiment">The experiment's name for the model's metadata when the file names none.</param>
    public static Fin<TrainedModel> LoadSafetensors(string path, Network network, string experiment = "imported") =>
        SafetensorsModel.Load(path, network).Bind(weights =>
            Create(network, weights.Parameters, weights.Standardizer, weights.Experiment.IfNone(experiment)));

    /// <summary>
    /// The network's outputs <c>[examples x outputs]</c> for raw inputs <c>[examples x inputs]</c>, standardized
    /// first when the model carries a standardizer; an error names the sizes when the inputs do not fit.
    /// </summary>
    /// <param name="inputs">One example per row, in the units the model was trained on before standardization.</param>
    public Fin<Tensor> Predict(Tensor inputs) =>
        inputs.Columns != Network.InputSize
            ? Error.New($"predict: the model {Network} expects {Network.InputSize} input features, got {inputs.Columns}")
            : Standardized(inputs).Map(x => ForwardPass.Predict(Network, Parameters, x));

    /// <summary>
    /// The network's outputs on every example of <paramref name="data"/>, exactly as <c>fnn predict</c> computes
    /// them: the features checked against the network and standardized with the model's standardizer, if any.
    /// </summary>
    /// <param name="data">Examples loaded with <see cref="Datasets"/>.</param>
    public Fin<Tensor> Predict(LabeledData data) =>
        Fit(data.Loaded).Map(fitted => ForwardPass.Predict(Network, Parameters, fitted.Examples.Features));

    /// <summary>
    /// The model's loss on all of <paramref name="data"/> as one batch and, for classification data, its accuracy,
    /// as <c>fnn evaluate</c> reports them.
    /// </summary>
    /// <param name="data">Examples loaded with <see cref="Datasets"/>, whose classes match the model's outputs.</param>
    public Fin<ModelScore> Evaluate(LabeledData data) =>
        from fitted in Fit(data.Loaded)
        from evaluation in Evaluator.Evaluate(Network, Parameters, fitted)
        select new ModelScore(evaluation.Loss, evaluation.Accuracy, evaluation.Examples);

    /// <summary>The model of a decoded model file.</summary>
    internal static TrainedModel FromSaved(SavedModel saved) =>
        new(saved.Network, saved.Parameters, saved.Standardizer, saved.Metadata.Experiment);

    /// <summary>
    /// The data set shaped for the network (<see cref="DatasetFit.ToNetwork"/>) with its features standardized by the
    /// model's standardizer, if any: the inputs <c>evaluate</c> and <c>predict</c> run the forward pass on.
    /// </summary>
    internal Fin<FittedDataset> Fit(Data.LoadedDataset data) =>
        from fitted in DatasetFit.ToNetwork(data, Network)
        from examples in Standardizer.Match(s => s.Apply(fitted.Examples), () => Fin<Dataset>.Succ(fitted.Examples))
        select fitted with { Examples = examples };

    private Fin<Tensor> Standardized(Tensor inputs) =>
        Standardizer.Match(s => s.Apply(inputs), () => Fin<Tensor>.Succ(inputs));

    /// <summary>The network, for messages.</summary>
    public override string ToString() => $"model {Network} (experiment '{Experiment}')";
}
