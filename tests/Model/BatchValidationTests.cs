using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Functional.NN.Tests.Properties;
using Xunit;

namespace Functional.NN.Tests.Model;

/// <summary>
/// <see cref="Batch.Create(Network, Tensor, Tensor)"/> checks a batch against the network: wrong column
/// counts name both counts, and a non-finite number names its tensor, row and column (counted from 0,
/// as tensor indices).
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 50)]
public sealed class BatchValidationTests
{
    private static Network Tutorial => TutorialExample.Network;

    private static Tensor Rows(params double[][] rows) => Tensor.FromRows(rows).ThrowIfFail();

    [Fact]
    public void Wrong_input_columns_name_both_counts() =>
        ValidationMessage.AssertNames(
            Batch.Create(Tutorial, Rows([0.05, 0.1, 0.2]), Rows([0.01, 0.99])),
            "inputs", "expects 2 features, got 3");

    [Fact]
    public void Wrong_target_columns_name_both_counts() =>
        ValidationMessage.AssertNames(
            Batch.Create(Tutorial, Rows([0.05, 0.1]), Rows([0.01])),
            "targets", "has 2 outputs, got 1");

    [Fact]
    public void NaN_in_the_inputs_names_row_and_column() =>
        ValidationMessage.AssertNames(
            Batch.Create(Tutorial, Rows([0.05, 0.1], [double.NaN, 0.2]), Rows([0.01, 0.99], [0.5, 0.5])),
            "inputs: row 1, column 0 is not a finite number");

    [Fact]
    public void Infinity_in_the_targets_names_row_and_column() =>
        ValidationMessage.AssertNames(
            Batch.Create(Tutorial, Rows([0.05, 0.1]), Rows([0.01, double.PositiveInfinity])),
            "targets: row 0, column 1 is not a finite number");

    [Fact]
    public void Different_row_counts_name_both() =>
        ValidationMessage.AssertNames(
            Batch.Create(Tutorial, Rows([0.05, 0.1]), Rows([0.01, 0.99], [0.5, 0.5])),
            "targets: 2 rows for 1 input rows");

    [Fact]
    public void An_empty_batch_is_an_error() =>
        ValidationMessage.AssertNames(
            Batch.Create(Tutorial, Tensor.Zeros(0, 2), Tensor.Zeros(0, 2)),
            "at least one example");

    [Fact]
    public void Ragged_rows_name_their_tensor_and_row()
    {
        Assert.Equal("inputs: row 1 has 1 numbers, but row 0 has 2",
            ValidationMessage.Of(Batch.Create(Tutorial, [[0.05, 0.1], [0.2]], [[0.01, 0.99], [0.5, 0.5]])));
        Assert.Equal("targets: row 1 has 3 numbers, but row 0 has 2",
            ValidationMessage.Of(Batch.Create(Tutorial, [[0.05, 0.1], [0.2, 0.3]], [[0.01, 0.99], [0.5, 0.5, 0.5]])));
        Assert.Equal([0.05, 0.1, 0.2, 0.3], Batch.Create(Tutorial, [[0.05, 0.1], [0.2, 0.3]], [[0.01, 0.99], [0.5, 0.5]]).ThrowIfFail().Inputs.ToArray());
    }

    [Property]
    public Property NaN_anywhere_in_the_inputs_names_its_row_and_column(Case c, NonNegativeInt row, NonNegativeInt column)
    {
        var inputs = c.Batch.Inputs;
        var (r, col) = (row.Get % inputs.Rows, column.Get % inputs.Columns);
        var result = Batch.Create(c.Network, inputs.With(r, col, double.NaN), c.Batch.Targets);
        var message = result.Match(_ => "(built)", e => e.Message);
        return message.Contains($"inputs: row {r}, column {col} is not a finite number").Label(message);
    }
}
