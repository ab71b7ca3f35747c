using Functional.NN.Data;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>
/// The edges of a dataset built from stored rows (<see cref="Dataset.FromRows"/>): a bad row at the first position,
/// stored rows or targets without columns, the whole messages of a number that is not finite as stored (no
/// "after standardization") and of a target (named by its stored row), and the byte-value shortcut, which must
/// not pass rows that standardize to infinity.
/// </summary>
public sealed class DatasetViewEdgeTests
{
    private static string Error<T>(LanguageExt.Fin<T> result) => result.Match(v => $"(built {v})", e => e.Message);

    private static readonly FeatureRows Stored = FeatureRows.Of(Tensor.Build(4, 3, (r, c) => 10 * r + c));

    [Fact]
    public void A_row_outside_the_stored_rows_is_named_at_the_first_position_too()
    {
        var targets = Tensor.Zeros(4, 1);
        Assert.Equal("rows: position 0 is row -1, outside 0..3", Error(Dataset.FromRows(Stored, targets, [-1, 2])));
        Assert.Equal("rows: position 0 is row 4, outside 0..3", Error(Dataset.FromRows(Stored, targets, [4])));
        Assert.Equal([[20.0, 21.0, 22.0], [0.0, 1.0, 2.0]], Dataset.FromRows(Stored, targets, [2, 0]).ThrowIfFail().Features.ToRows());
    }

    [Fact]
    public void Stored_rows_or_targets_without_columns_are_named()
    {
        Assert.Equal("features: need at least one column, got 0",
            Error(Dataset.FromRows(FeatureRows.Of(Tensor.Zeros(2, 0)), Tensor.Zeros(2, 1), [0])));
        Assert.Equal("targets: need at least one column, got 0", Error(Dataset.FromRows(Stored, Tensor.Zeros(4, 0), [0])));
    }

    [Fact]
    public void The_whole_messages_of_a_stored_number_and_of_a_target_that_are_not_finite()
    {
        var stored = FeatureRows.Of(Tensor.Build(4, 3, (r, c) => r == 2 && c == 1 ? double.NegativeInfinity : r + c));
        Assert.Equal("features: row 2, column 1 is not a finite number", Error(Dataset.FromRows(stored, Tensor.Zeros(4, 1), [3, 2])));
        var targets = Tensor.Build(4, 2, (r, c) => r == 3 && c == 1 ? double.NaN : 0.0);
        Assert.Equal("targets: row 3, column 1 is not a finite number", Error(Dataset.FromRows(Stored, targets, [0, 3])));
    }

    /// <summary>
    /// Byte b stands for b / 2e-306, so byte 255 is 1.275e308; with μ = -1e308 it standardizes to +∞ while byte 0 gives
    /// 1e308. The check may skip reading the rows only when every byte value of every column standardizes to a finite
    /// number, which is not so here: the row holding a 255 is refused, the row of zeros is not.
    /// </summary>
    [Fact]
    public void A_byte_whose_standardized_value_overflows_is_found_in_its_row()
    {
        var bytes = FeatureRows.FromBytes([0, 255], 0, 2, 1, 2e-306).ThrowIfFail();
        var standardizer = Standardizer.Create(Tensor.RowVector([-1e308]), Tensor.RowVector([1.0])).ThrowIfFail();
        var targets = Tensor.Zeros(2, 1);
        Assert.Equal("features: row 1, column 0 is not a finite number after standardization",
            Error(Dataset.FromRows(bytes, targets, [0, 1], standardizer)));
        Assert.Equal([1e308], Dataset.FromRows(bytes, targets, [0], standardizer).ThrowIfFail().Features.ToArray());
    }
}
