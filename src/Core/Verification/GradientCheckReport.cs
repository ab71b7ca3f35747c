namespace Functional.NN.Verification;

/// <summary>
/// Where a parameter sits: its layer (1-based, as in messages), W or b, and its row and column; or, for
/// activation and loss checks, which element of their input tensor (<c>z</c>, layer 0).
/// </summary>
/// <param name="Layer">Layer number, from 1 (0 for activation and loss checks).</param>
/// <param name="Tensor"><c>W</c> or <c>b</c>, or the name of the checked input (<c>z</c>).</param>
/// <param name="Row">Row within the tensor (the unit, for W).</param>
/// <param name="Column">Column within the tensor (the input, for W; the unit, for b).</param>
public sealed record ParameterLocation(int Layer, string Tensor, int Row, int Column)
{
    /// <inheritdoc />
    public override string ToString() => Tensor switch
    {
        "b" => $"layer {Layer} b[{Column}]",
        "W" => $"layer {Layer} W[{Row},{Column}]",
        _ => $"{Tensor}[{Row},{Column}]",
    };
}

/// <summary>One compared element: the analytic and the numerical derivative.</summary>
/// <param name="Location">Which parameter (or input, for activation and loss checks).</param>
/// <param name="Analytic">The derivative the code computes.</param>
/// <param name="Numerical">The central finite difference.</param>
public sealed record GradientComparison(ParameterLocation Location, double Analytic, double Numerical)
{
    /// <summary>|analytic - numerical|.</summary>
    public double AbsoluteError => Math.Abs(Analytic - Numerical);

    /// <summary>|analytic - numerical| / max(|numerical|, tiny), the error relative to the reference.</summary>
    public double RelativeError => AbsoluteError / Math.Max(Math.Abs(Numerical), 1e-300);

    /// <summary>True when the error is within atol + rtol·|numerical|; NaN never passes.</summary>
    public bool Passes(GradientCheckOptions options) =>
        AbsoluteError <= options.AbsoluteTolerance + options.RelativeTolerance * Math.Abs(Numerical);
}

/// <summary>The outcome of a gradient check over every element.</summary>
/// <param name="Comparisons">Every compared element.</param>
/// <param name="Options">The step and tolerances used.</param>
public sealed record GradientCheckReport(IReadOnlyList<GradientComparison> Comparisons, GradientCheckOptions Options)
{
    /// <summary>The largest absolute error.</summary>
    public double MaxAbsoluteError => Comparisons.Count == 0 ? 0 : Comparisons.Max(c => c.AbsoluteError);

    /// <summary>The largest relative error, over elements whose numerical derivative exceeds atol (smaller ones are judged absolutely).</summary>
    public double MaxRelativeError =>
        Comparisons.Where(c => Math.Abs(c.Numerical) > Options.AbsoluteTolerance).Select(c => c.RelativeError).DefaultIfEmpty(0).Max();

    /// <summary>The element that misses its tolerance by the most (or comes closest to missing it).</summary>
    public GradientComparison? Worst => Comparisons.MaxBy(c =>
        double.IsNaN(c.AbsoluteError) ? double.PositiveInfinity
            : c.AbsoluteError / (Options.AbsoluteTolerance + Options.RelativeTolerance * Math.Abs(c.Numerical)));

    /// <summary>True when every element is within tolerance.</summary>
    public bool Passed => Comparisons.All(c => c.Passes(Options));

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Passed ? "passed" : "FAILED")}: {Comparisons.Count} derivatives, max abs error {MaxAbsoluteError:E3}, " +
        $"max rel error {MaxRelativeError:E3}" +
        (Worst is { } w ? $", worst at {w.Location} (analytic {w.Analytic:G10}, numerical {w.Numerical:G10})" : "") +
        $"; eps {Options.Epsilon:G3}, atol {Options.AbsoluteTolerance:G3}, rtol {Options.RelativeTolerance:G3}";
}
