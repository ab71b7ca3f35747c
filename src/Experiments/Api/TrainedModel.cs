using System.Numerics;
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
/// A trained model as a <c>model.fnn</c> file holds it: the network, its parameters (in <see cref="TrainedModel{T}"/>, of
/// the element type the model was trained in), the input standardizer it was trained with (if any) and the name of the
/// experiment that made it. The same file <c>fnn train</c> writes and <c>fnn evaluate</c> and <c>fnn predict</c> read
/// (docs/model-format.md). Immutable.
/// </summary>
public abstract class TrainedModel
{
    private protected TrainedModel(Network network, Option<Standardizer> standardizer, string experiment)
    {
        Network = network;
        Standardizer = standardizer;
        Experiment = experiment;
    }

    /// <summary>The architecture.</summary>
    public Network Network { get; }

    /// <summary>The element type of the parameters: float64, or float32 for a model trained with <c>"dtype": "float32"</c>.</summary>
    public abstract ElementType ElementType { get; }

    /// <summary>The content hash of the parameters in their own element type (<see cref="LayerTree{TSelf, T}.ContentHash"/>), as run manifests record it.</summary>
    public abstract string ParametersHash { get; }

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
    /// <param name="parameters">The trained numbers, float64 or float32.</param>
    /// <param name="standardizer">The standardization the network was trained with, or None for raw inputs.</param>
    /// <param name="experiment">The experiment's name for the file's metadata.</param>
    public static Fin<TrainedModel<T>> Create<T>(Network network, Parameters<T> parameters, Option<Standardizer> standardizer, string experiment)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (!parameters.Fits(network))
            return Error.New($"trained model: parameters {parameters.Describe()} do not fit network {network}");
        if (standardizer.Exists(s => s.FeatureCount != network.InputSize))
            return Error.New($"trained model: the standardizer has {standardizer.Map(s => s.FeatureCount).IfNone(0)} features, " +
                             $"network {network} takes {network.InputSize} inputs");
        return new TrainedModel<T>(network, parameters, standardizer, experiment);
    }

    /// <summary>A model that takes raw inputs (no standardizer), or an error when the parameters do not fit the network.</summary>
    /// <param name="network">The architecture.</param>
    /// <param name="parameters">The trained numbers, float64 or float32.</param>
    /// <param name="experiment">The experiment's name for the file's metadata.</param>
    public static Fin<TrainedModel<T>> Create<T>(Network network, Parameters<T> parameters, string experiment)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        Create(network, parameters, Option<Standardizer>.None, experiment);

    /// <summary>
    /// The model in the <c>model.fnn</c> file at <paramref name="path"/>, its parameters in the element type the file
    /// records (<see cref="TrainedModel{T}"/> of <c>float</c> or <c>double</c>), or an error starting with the path: no
    /// such file, another kind of file, an unsupported version, a truncated or corrupted file, an invalid payload.
    /// </summary>
    /// <param name="path">The model file.</param>
    public static Fin<TrainedModel> Load(string path) => ModelFile.Load(path).Map(FromSaved);

    /// <summary>Writes the model to <paramref name="path"/> atomically, replacing the file if it exists; its directory must exist.</summary>
    /// <param name="path">The target file, conventionally <c>*.fnn</c>.</param>
    public abstract Fin<Unit> Save(string path);

    /// <summary>
    /// Writes the parameters to <paramref name="path"/> as safetensors, atomically: <c>layers.{l}.weight</c>
    /// <c>[units, inputs]</c> and <c>layers.{l}.bias</c> <c>[units]</c> in the model's element type (<c>F64</c> or
    /// <c>F32</c>), the layout of <c>torch.nn.Linear</c>, with the architecture and the standardizer in
    /// <c>__metadata__</c> (docs/safetensors.md).
    /// </summary>
    /// <param name="path">The target file, conventionally <c>*.safetensors</c>.</param>
    public abstract Fin<Unit> SaveSafetensors(string path);

    /// <summary>
    /// The model of <paramref name="network"/> with the weights of the safetensors file at <paramref name="path"/> (for
    /// example written from PyTorch): all <c>F64</c> tensors give a float64 model, all <c>F32</c> a float32 one; otherwise an
    /// error naming every missing, extra, mis-shaped or other-typed tensor and metadata that describes another network.
    /// The standardizer comes from the file's metadata when it has one.
    /// </summary>
    /// <param name="path">The safetensors file.</param>
    /// <param name="network">The architecture the weights are for.</param>
    /// <param name="experiment">The experiment's name for the model's metadata when the file names none.</param>
    public static Fin<TrainedModel> LoadSafetensors(string path, Network network, string experiment = "imported") =>
        SafetensorsModel.Load(path, network).Bind(weights => weights.Model(network, weights.Experiment.IfNone(experiment)));

    /// <summary>
    /// The network's outputs <c>[examples x outputs]</c> for raw inputs <c>[examples x inputs]</c>, standardized
    /// first when the model carries a standardizer; an error names the sizes when the inputs do not fit.
    /// </summary>
    /// <param name="inputs">One example per row, in the units the model was trained on before standardization.</param>
    public Fin<Tensor> Predict(Tensor inputs) =>
        inputs.Columns != Network.InputSize
            ? Error.New($"predict: the model {Network} expects {Network.InputSize} input features, got {inputs.Columns}")
            : Standardized(inputs).Map(Outputs);

    /// <summary>
    /// The network's outputs on every example of <paramref name="data"/>, exactly as <c>fnn predict</c> computes
    /// them: the features checked against the network and standardized with the model's standardizer, if any.
    /// </summary>
    /// <param name="data">Examples loaded with <see cref="Datasets"/>.</param>
    public Fin<Tensor> Predict(LabeledData data) =>
        Fit(data.Loaded).Map(fitted => Outputs(fitted.Examples.Features));

    /// <summary>
    /// The model's loss on all of <paramref name="data"/> as one batch and, for classification data, its accuracy,
    /// as <c>fnn evaluate</c> reports them.
    /// </summary>
    /// <param name="data">Examples loaded with <see cref="Datasets"/>, whose classes match the model's outputs.</param>
    public Fin<ModelScore> Evaluate(LabeledData data) =>
        from fitted in Fit(data.Loaded)
        from evaluation in Score(fitted)
        select new ModelScore(evaluation.Loss, evaluation.Accuracy, evaluation.Examples);

    /// <summary>
    /// The network's outputs for inputs already standardized (if the model standardizes), computed in the model's own
    /// element type (the inputs rounded to it once) and given back as doubles (exact for float32 outputs).
    /// </summary>
    internal abstract Tensor Outputs(Tensor inputs);

    /// <summary>The loss, accuracy and confusion matrix on <paramref name="data"/> (<see cref="Evaluator"/>), computed in the model's element type.</summary>
    internal abstract Fin<ModelEvaluation> Score(FittedDataset data);

    /// <summary>
    /// The parameters in float64: a float64 model's own, a float32 model's widened exactly; what a gradient check, which
    /// compares with central differences in float64, runs on.
    /// </summary>
    internal abstract Parameters Float64Parameters { get; }

    /// <summary>The ONNX model of this model (<see cref="Onnx.OnnxExport"/>), in its own element type unless <paramref name="options"/> says another.</summary>
    internal abstract Fin<byte[]> OnnxBytes(Onnx.OnnxExportOptions options);

    /// <summary>The model of a decoded model file.</summary>
    internal static TrainedModel FromSaved(SavedModel saved) => saved switch
    {
        SavedModel<float> f => new TrainedModel<float>(f.Network, f.Parameters, f.Standardizer, f.Metadata.Experiment),
        SavedModel<double> d => new TrainedModel<double>(d.Network, d.Parameters, d.Standardizer, d.Metadata.Experiment),
        _ => throw new NotSupportedException($"element type {saved.ElementType}"),
    };

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

    /// <summary>The network and element type, for messages.</summary>
    public override string ToString() => $"model {Network} (experiment '{Experiment}', {ElementType.Name()})";
}
