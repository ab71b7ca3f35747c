using Functional.NN.Model;

namespace Functional.NN.Tests.Properties;

/// <summary>Three gradient trees of one shape and a factor, for the laws of <see cref="Gradients"/> arithmetic.</summary>
public sealed record GradientTriple(Gradients A, Gradients B, Gradients C, double Factor)
{
    public override string ToString() =>
        $"factor {Factor:R}{Environment.NewLine}A = {Show(A)}{Environment.NewLine}B = {Show(B)}{Environment.NewLine}C = {Show(C)}";

    private static string Show(Gradients g) =>
        string.Join(" | ", g.Layers.Select(l => $"W {Case.Format(l.Weights)} b {Case.FormatRow(l.Bias)}"));
}
