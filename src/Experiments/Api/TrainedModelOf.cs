using System.Numerics;
using Functional.NN.Data;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Experiments.Evaluation;
using Functional.NN.Experiments.Storage;
using Functional.NN.Passes;
using Functional.NN.Model;
using LanguageExt;

namespace Functional.NN.Experiments;

/// <summary>A <see cref="TrainedModel"/> whose parameters are of <typeparamref name="T"/> (<c>double</c> or <c>float</c>).</summary>
/// <typeparam name="T">The element type the model was trained in.</typeparam>
public sealed class TrainedModel<T> : TrainedModel where T : unmanaged, IFloatingPointIeee754<T>
{
    internal TrainedModel(Network network, Parameters<T> parameters, Option<Standardizer> standardizer, string experiment)
        : base(network, standardizer, experiment) => Parameters = parameters;

    /// <summary>The numbers; they fit <see cref="TrainedModel.Network"/>.</summary>
    public Parameters<T> Parameters { get; }

    /// <inheritdoc />
    public override ElementType ElementType => ElementTypes.Of<T>();

    /// <inheritdoc />
    public override string ParametersHash => Parameters.ContentHash();

    /// <inheritdoc />
    public override Fin<Unit> Save(string path) => ModelFile.Save(path, Network, Parameters, Experiment, Standardizer);

    /// <inheritdoc />
    public override Fin<Unit> SaveSafetensors(string path) => SafetensorsModel.Save(path, Network, Parameters, Standardizer, Experiment);

    /// <inheritdoc />
    internal override Fin<byte[]> OnnxBytes(Onnx.OnnxExportOptions options) => Onnx.OnnxExport.ToBytes(Network, Parameters, Standardizer, options);

    /// <inheritdoc />
    internal override Tensor Outputs(Tensor inputs) => ForwardPass.Predict(Network, Parameters, inputs.Convert<T>()).Convert<double>();

    /// <inheritdoc />
    internal override Fin<ModelEvaluation> Score(FittedDataset data) => Evaluator.Evaluate(Network, Parameters, data);

    /// <inheritdoc />
    internal override Parameters Float64Parameters => Parameters.Convert<double>();
}
