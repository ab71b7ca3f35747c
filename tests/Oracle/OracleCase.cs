using System.Globalization;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;

namespace Functional.NN.Tests.Oracle;

/// <summary>
/// A small network, its parameters and one batch, as plain numbers: the oracle reads them as they are,
/// the library gets them through its public constructors (<see cref="Network"/>, <see cref="Parameters"/>,
/// <see cref="Batch"/>).
/// </summary>
public sealed record OracleCase(int InputSize, IReadOnlyList<OracleLayer> Layers, string Loss, double[][] Inputs, double[][] Targets)
{
    public Network Network => global::Functional.NN.Model.Network.Create(InputSize,
            Layers.Select(l => new LayerSpec(l.Units, LibraryActivation(l.Activation))), LossCatalog.FromName(Loss).ThrowIfFail())
        .ThrowIfFail();

    public Parameters Parameters => global::Functional.NN.Model.Parameters<double>.Create(Network, Layers.Select(l => (l.Weights, l.Bias))).ThrowIfFail();

    public Batch Batch => global::Functional.NN.Model.Batch<double>.Create(Network, Inputs, Targets).ThrowIfFail();

    /// <summary>The library's activation for the oracle's name and parameter (slope of leaky_relu, α of elu).</summary>
    public static Activation LibraryActivation(OracleActivation activation) => activation.Name switch
    {
        "leaky_relu" => Activation.LeakyReluWithSlope(activation.Parameter),
        "elu" => Activation.EluWithAlpha(activation.Parameter),
        _ => ActivationCatalog.FromName(activation.Name).ThrowIfFail(),
    };

    /// <summary>Every number in round-trip form, so that a failing case can be rebuilt from the message.</summary>
    public override string ToString()
    {
        static string Row(IEnumerable<double> xs) => "[" + string.Join(", ", xs.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]";
        static string Rows(IEnumerable<double[]> rows) => "[" + string.Join(", ", rows.Select(Row)) + "]";
        var layers = Layers.Select(l => $"{l.Activation.Name}({l.Activation.Parameter:R}) W={Rows(l.Weights)} b={Row(l.Bias)}");
        return $"{InputSize}-{string.Join("-", Layers.Select(l => l.Units))} {Loss}; {string.Join("; ", layers)}; " +
               $"inputs={Rows(Inputs)} targets={Rows(Targets)}";
    }
}
