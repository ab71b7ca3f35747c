using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>
/// Numbers that are finite doubles but not finite floats (beyond ±3.4e38) are named by
/// <see cref="Dataset.CheckFiniteAs{T}"/> as construction names a number that is not finite, by row and column (the
/// stored row for a view), with "after standardization" when the stored number fits, and "as float32"; in double the
/// same datasets pass. The byte shortcut (every byte value of every column finite) is taken in float too, and must not
/// pass a byte that overflows only in float.
/// </summary>
public sealed class FloatDatasetMessageTests
{
    private static string Error<T>(LanguageExt.Fin<T> result) => result.Match(v => $"(passed {v})", e => e.Message);

    [Fact]
    public void A_feature_or_target_beyond_the_float_range_is_named_as_float()
    {
        var features = Tensor.Build(3, 2, (r, c) => r == 1 && c == 0 ? -1e39 : r + c);
        var targets = Tensor.Build(3, 2, (r, c) => r == 2 && c == 1 ? 4e38 : 0.0);
        var data = Dataset.Create(features, targets).ThrowIfFail();
        Assert.True(data.CheckFiniteAs<double>().IsSucc);
        Assert.Equal("features: row 1, column 0 is not a finite number as float32; targets: row 2, column 1 is not a finite number as float32",
            Error(data.CheckFiniteAs<float>()));
        Assert.True(Dataset.Create(Tensor.Filled(2, 2, 3.4e38), Tensor.Filled(2, 1, -3.4e38)).ThrowIfFail().CheckFiniteAs<float>().IsSucc);
    }

    [Fact]
    public void A_view_names_the_stored_row_and_a_number_that_overflows_only_after_standardization()
    {
        var stored = FeatureRows.Of(Tensor.Build(4, 3, (r, c) => r == 2 && c == 1 ? 3e38 : r + c));
        var targets = Tensor.Build(4, 1, (r, _) => r == 3 ? 1e39 : 0.0);
        Assert.True(Dataset.FromRows(stored, targets, [0, 2]).ThrowIfFail().CheckFiniteAs<float>().IsSucc, "3e38 is a finite float");
        var spread = Standardizer.Create(Tensor.RowVector([0.0, -1e38, 0.0]), Tensor.RowVector([1.0, 1.0, 1.0])).ThrowIfFail();
        Assert.Equal("features: row 2, column 1 is not a finite number after standardization as float32",
            Error(Dataset.FromRows(stored, targets, [1, 2, 0], spread).ThrowIfFail().CheckFiniteAs<float>()));
        Assert.Equal("targets: row 3, column 0 is not a finite number as float32",
            Error(Dataset.FromRows(stored, targets, [3, 0]).ThrowIfFail().CheckFiniteAs<float>()));
        Assert.True(Dataset.FromRows(stored, targets, [3, 2, 0], spread).ThrowIfFail().CheckFiniteAs<double>().IsSucc);
        var halve = Standardizer.Create(Tensor.RowVector([0.0]), Tensor.RowVector([2.0])).ThrowIfFail();
        var huge = FeatureRows.Of(Tensor.Build(3, 1, (r, _) => r == 1 ? 5e38 : r == 2 ? 1e39 : 1.0));
        Assert.True(Dataset.FromRows(huge, Tensor.Zeros(3, 1), [0, 1], halve).ThrowIfFail().CheckFiniteAs<float>().IsSucc,
            "5e38 is no float, but the batch holds 2.5e38");
        Assert.Equal("features: row 2, column 0 is not a finite number as float32",
            Error(Dataset.FromRows(huge, Tensor.Zeros(3, 1), [0, 1, 2], halve).ThrowIfFail().CheckFiniteAs<float>()));
    }

    /// <summary>Byte b stands for b / 1e-37, so bytes from 35 on are beyond the float range; a row of smaller bytes passes.</summary>
    [Fact]
    public void Byte_rows_are_checked_in_float_by_the_values_their_bytes_stand_for()
    {
        var bytes = FeatureRows.FromBytes([1, 2, 3, 34, 0, 35], 0, 3, 2, 1e-37).ThrowIfFail();
        var targets = Tensor.Zeros(3, 1);
        Assert.True(Dataset.FromRows(bytes, targets, [1, 0]).ThrowIfFail().CheckFiniteAs<float>().IsSucc);
        Assert.Equal("features: row 2, column 1 is not a finite number as float32",
            Error(Dataset.FromRows(bytes, targets, [0, 2]).ThrowIfFail().CheckFiniteAs<float>()));
        var shift = Standardizer.Create(Tensor.RowVector([-3.3e38, 0.0]), Tensor.RowVector([1.0, 1.0])).ThrowIfFail();
        var scaled = FeatureRows.FromBytes([0, 0, 255, 0], 0, 2, 2, 1e-36).ThrowIfFail();
        Assert.True(Dataset.FromRows(scaled, Tensor.Zeros(2, 1), [0], shift).ThrowIfFail().CheckFiniteAs<float>().IsSucc);
        Assert.Equal("features: row 1, column 0 is not a finite number after standardization as float32",
            Error(Dataset.FromRows(scaled, Tensor.Zeros(2, 1), [0, 1], shift).ThrowIfFail().CheckFiniteAs<float>()));
    }

    [Fact]
    public void A_float_batch_of_numbers_beyond_the_float_range_is_refused_by_its_batch_row()
    {
        var network = Network.Create(2, Loss.MeanSquaredError, (1, Activation.Identity)).ThrowIfFail();
        var data = Dataset.Create(Tensor.Build(3, 2, (r, c) => r == 2 && c == 1 ? 1e39 : 0.5), Tensor.Zeros(3, 1)).ThrowIfFail();
        Assert.Equal("inputs: row 0, column 1 is not a finite number", Error(data.Subset([2, 0]).ThrowIfFail().ToBatch<float>(network)));
        Assert.True(data.Subset([2, 0]).ThrowIfFail().ToBatch<double>(network).IsSucc);
        Assert.Equal([0.5f, 0.5f], data.Subset([1]).ThrowIfFail().ToBatch<float>(network).ThrowIfFail().Inputs.ToArray());
    }

    [Fact]
    public void Construction_messages_are_unchanged_and_say_no_type()
    {
        Assert.Equal("features: row 0, column 1 is not a finite number",
            Error(Dataset.Create(Tensor.Build(1, 2, (_, c) => c == 1 ? double.NaN : 0.0), Tensor.Zeros(1, 1))));
        Assert.Equal("targets: row 2, column 0 is not a finite number",
            Error(Dataset.FromRows(FeatureRows.Of(Tensor.Zeros(3, 1)), Tensor.Build(3, 1, (r, _) => r == 2 ? double.PositiveInfinity : 0.0), [2])));
    }
}
