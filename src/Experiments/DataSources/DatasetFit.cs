using Functional.NN.Experiments.Data;
using Functional.NN.Data;
using Functional.NN.Model;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.DataSources;

/// <summary>
/// Checks that a data set fits a network and shapes its targets for it. The rules:
/// <list type="bullet">
/// <item>the data set's feature columns must equal the network's input size;</item>
/// <item>classification with C classes: a network with C outputs gets the one-hot targets; a network with
/// a single output and C = 2 (a binary classifier, such as sigmoid + <c>bce</c>) gets one 0/1 target column,
/// 1 for class index 1 (the second label in the data set's class order);</item>
/// <item>regression: the network must have a single output.</item>
/// </list>
/// Every mismatch is an error naming both numbers, all of them together (a LanguageExt <c>Validation</c>). Training and evaluation use the same rules, so a
/// model evaluates on the kind of data it was trained on.
/// </summary>
internal static class DatasetFit
{
    /// <summary>The data set shaped for <paramref name="network"/>, or an error naming what does not fit.</summary>
    public static Fin<FittedDataset> ToNetwork(LoadedDataset data, Network network) =>
        (FeatureCheck(data, network), TargetCheck(data, network))
            .Apply((_, _) => Prelude.unit)
            .Match(
                Succ: _ => Dataset.Create(data.Features.ToTensor(), Targets(data, network)).Match(
                    Succ: examples => Fin<FittedDataset>.Succ(new FittedDataset(data, examples)),
                    Fail: e => Error.New($"data set '{data.Name}': {e.Message}")),
                Fail: problems => Error.New($"the data does not fit the model {network}: {string.Join("; ", problems.Select(p => p.Message))}"));

    private static Validation<Error, Unit> FeatureCheck(LoadedDataset data, Network network) =>
        data.Features.Columns == network.InputSize
            ? Prelude.Success<Error, Unit>(Prelude.unit)
            : Prelude.Fail<Error, Unit>(Error.New($"the model expects {network.InputSize} input features, the data set '{data.Name}' has {data.Features.Columns}"));

    private static Validation<Error, Unit> TargetCheck(LoadedDataset data, Network network) =>
        TargetProblem(data, network) is { } problem
            ? Prelude.Fail<Error, Unit>(Error.New(problem))
            : Prelude.Success<Error, Unit>(Prelude.unit);

    private static string? TargetProblem(LoadedDataset data, Network network) => data.Classes switch
    {
        0 when network.OutputSize != 1 =>
            $"the model has {network.OutputSize} outputs, the regression data set '{data.Name}' has 1 target column",
        > 0 when network.OutputSize != data.Classes && !(network.OutputSize == 1 && data.Classes == 2) =>
            $"the model has {network.OutputSize} outputs, the data set '{data.Name}' has {data.Classes} classes" +
            (data.Classes == 2 ? " (a binary classifier has 1 or 2 outputs)" : ""),
        _ => null,
    };

    private static Tensor Targets(LoadedDataset data, Network network) =>
        data.Classes == 2 && network.OutputSize == 1
            ? Tensor.Build(data.Count, 1, (row, _) => data.Targets[row, 1])
            : data.Targets;
}
