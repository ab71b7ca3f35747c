using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Functional.NN.Benchmarks;

/// <summary>
/// A summary column with the speed of a <see cref="GemmBenchmarks"/> case in GFLOP/s: the FLOP count of its
/// <see cref="GemmProduct"/> (<see cref="GemmShape.Flops"/>) over the mean time of one product.
/// </summary>
public sealed class GflopsColumn : IColumn
{
    /// <inheritdoc />
    public string Id => nameof(GflopsColumn);

    /// <inheritdoc />
    public string ColumnName => "GFLOP/s";

    /// <inheritdoc />
    public bool AlwaysShow => true;

    /// <inheritdoc />
    public ColumnCategory Category => ColumnCategory.Custom;

    /// <inheritdoc />
    public int PriorityInCategory => 0;

    /// <inheritdoc />
    public bool IsNumeric => true;

    /// <inheritdoc />
    public UnitType UnitType => UnitType.Dimensionless;

    /// <inheritdoc />
    public string Legend => "Floating-point operations of the product (2·m·n·k) per second of its mean time, in billions";

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    /// <inheritdoc />
    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var nanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        return nanoseconds is > 0 && benchmarkCase.Parameters[nameof(GemmBenchmarks.Product)] is GemmProduct product
            ? (GemmShape.Of(product).Flops / nanoseconds.Value).ToString("F2", style.CultureInfo)
            : "NA";
    }

    /// <inheritdoc />
    public bool IsAvailable(Summary summary) => true;

    /// <inheritdoc />
    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}

/// <summary>Adds the <see cref="GflopsColumn"/> to the summary of the benchmark class it marks.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class GflopsColumnAttribute() : ColumnConfigBaseAttribute(new GflopsColumn());
