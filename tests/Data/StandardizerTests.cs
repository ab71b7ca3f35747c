using Functional.NN.Data;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>Standardization with statistics from the training part only.</summary>
public sealed class StandardizerTests
{
    private static Dataset Data(double[][] features) =>
        Dataset.Create(features, features.Select(_ => new[] { 0.0 }).ToArray()).ThrowIfFail();

    [Fact]
    public void Fitted_statistics_are_the_column_mean_and_population_deviation()
    {
        var train = Data([[1.0, 10.0], [2.0, 10.0], [3.0, 10.0], [6.0, 10.0]]);
        var s = Standardizer.Fit(train);
        Assert.Equal(Tensor.RowVector([3.0, 10.0]), s.Mean);
        Assert.Equal(Math.Sqrt((4 + 1 + 0 + 9) / 4.0), s.Scale[0, 0], 14);
        Assert.Equal(1.0, s.Scale[0, 1]);
        var standardized = s.Apply(train).ThrowIfFail().Features;
        Assert.Equal(0.0, Enumerable.Range(0, 4).Average(r => standardized[r, 0]), 15);
        Assert.Equal(1.0, Enumerable.Range(0, 4).Average(r => standardized[r, 0] * standardized[r, 0]), 14);
        Assert.All(Enumerable.Range(0, 4), r => Assert.Equal(0.0, standardized[r, 1]));
    }

    [Fact]
    public void Validation_data_is_scaled_with_the_training_statistics_only()
    {
        var rows = Enumerable.Range(0, 50).Select(i => new[] { i % 7 + 0.5 * i, 3.0 }).ToList();
        rows.Add([1e6, -1e6]);
        var data = Data(rows.ToArray());
        var split = DataSplit.Create(data, 0.2, RandomKey.FromSeed(5)).ThrowIfFail();
        var s = Standardizer.Fit(split.Training);
        var trainingMean = Enumerable.Range(0, split.Training.Count).Average(r => split.Training.Features[r, 0]);
        Assert.Equal(trainingMean, s.Mean[0, 0], 12);
        var validation = s.Apply(split.Validation).ThrowIfFail();
        for (var r = 0; r < validation.Count; r++)
        {
            Assert.Equal((split.Validation.Features[r, 0] - s.Mean[0, 0]) / s.Scale[0, 0], validation.Features[r, 0]);
            Assert.True(double.IsFinite(validation.Features[r, 1]));
        }
        Assert.Equal(split.Validation.Targets, validation.Targets);
        // The outlier (row 50) falls in the validation part for this seed: fitting on everything would see it,
        // fitting on the training part does not.
        Assert.Contains(1e6, Enumerable.Range(0, split.Validation.Count).Select(r => split.Validation.Features[r, 0]));
        Assert.True(s.Mean[0, 0] < 100 && s.Scale[0, 0] < 100, $"mean {s.Mean}, scale {s.Scale}");
        Assert.True(Standardizer.Fit(data).Mean[0, 0] > 1000);
        Assert.Equal(3.0, s.Mean[0, 1]);
        Assert.Equal(1.0, s.Scale[0, 1]);
    }

    [Fact]
    public void Constant_and_nearly_constant_columns_never_give_nan()
    {
        var s = Standardizer.Fit(Data([[0.1, 1e-320, 1e300], [0.1, 0.0, -1e300], [0.1, 1e-320, 1e300]]));
        var result = s.Apply(Data([[0.1, 1e-320, 1e300], [5.0, 0.0, 0.0]])).ThrowIfFail().Features;
        Assert.True(result.IsFinite(), result.ToString());
        Assert.Equal(0.0, result[0, 0]);
        Assert.Equal(4.9, result[1, 0], 12);
    }

    [Fact]
    public void Applying_to_another_feature_count_is_an_error()
    {
        var s = Standardizer.Fit(Data([[1.0, 2.0], [3.0, 4.0]]));
        Assert.Contains("fitted on 2 features, got 3", s.Apply(Tensor.Zeros(1, 3)).Match(_ => "", e => e.Message));
    }

    [Fact]
    public void Create_from_fitted_statistics_gives_an_equal_standardizer_that_applies_the_same()
    {
        var train = Data([[1.0, 10.0, -3.0], [2.0, 10.0, 4.5], [7.0, 10.0, 0.25]]);
        var fitted = Standardizer.Fit(train);
        var rebuilt = Standardizer.Create(fitted.Mean, fitted.Scale).ThrowIfFail();
        Assert.Equal(fitted, rebuilt);
        Assert.Equal(fitted.Apply(train).ThrowIfFail().Features, rebuilt.Apply(train).ThrowIfFail().Features);
    }

    [Fact]
    public void Create_names_every_problem_with_the_statistics()
    {
        static string Error(Tensor mean, Tensor scale) => Standardizer.Create(mean, scale).Match(s => $"success: {s}", e => e.Message);
        Assert.Contains("mean must be a [1 x features] row", Error(Tensor.Zeros(2, 2), Tensor.Filled(2, 2, 1.0)));
        Assert.Contains("at least one feature", Error(Tensor.Zeros(1, 0), Tensor.Zeros(1, 0)));
        Assert.Contains("scale must have the shape of mean [1 x 2], got [1 x 3]", Error(Tensor.Zeros(1, 2), Tensor.Filled(1, 3, 1.0)));
        Assert.Contains("mean is not finite at feature(s) 2", Error(Tensor.RowVector([0.0, double.NaN]), Tensor.RowVector([1.0, 1.0])));
        var scale = Error(Tensor.RowVector([0.0, 0.0, 0.0]), Tensor.RowVector([0.0, -1.0, double.PositiveInfinity]));
        Assert.StartsWith("standardizer: ", scale);
        Assert.Contains("scale must be finite and positive, it is not at feature(s) 1, 2, 3", scale);
    }

    /// <summary>
    /// A column of one 0 and nine 5e-324 (the smallest subnormal) is not constant, but its deviation
    /// 5e-324·√(1/10) rounds to 0: the scale is then 1, never 0, so standardizing cannot divide by zero.
    /// </summary>
    [Fact]
    public void A_column_whose_deviation_rounds_to_zero_gets_a_scale_of_one()
    {
        var s = Standardizer.Fit(Data([[0.0], .. Enumerable.Repeat(new[] { 5e-324 }, 9)]));
        Assert.Equal(5e-324, s.Mean[0, 0]);
        Assert.Equal(1.0, s.Scale[0, 0]);
        Assert.Equal([-5e-324, 0.0], s.Apply(Tensor.FromRows([[0.0], [5e-324]]).ThrowIfFail()).ThrowIfFail().ToArray());
    }
}
