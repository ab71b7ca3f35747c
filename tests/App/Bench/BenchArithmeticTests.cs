using Functional.NN.App.Bench;
using Xunit;

namespace Functional.NN.Tests.App.Bench;

/// <summary>The bench's work counts, limits and statistics, against figures worked out by hand from the definitions.</summary>
public sealed class BenchArithmeticTests
{
    // 784-256-128-10: multiply-adds per example in one forward pass.
    private const double ForwardMultiplyAdds = 784 * 256 + 256 * 128 + 128 * 10;

    [Fact]
    public void A_forward_pass_is_two_flops_per_multiply_add() =>
        Assert.Equal(2 * ForwardMultiplyAdds, MachinePeak.ForwardFlopsPerSample(BenchModels.Mlp()));

    [Fact]
    public void A_training_step_adds_the_weight_gradients_and_every_delta_but_the_inputs()
    {
        // Forward, weight gradients (the same work again), and the deltas of layers 2 and 3 (256·128 + 128·10).
        var expected = 2 * (2 * ForwardMultiplyAdds) + 2.0 * (256 * 128 + 128 * 10);
        Assert.Equal(expected, MachinePeak.TrainingFlopsPerSample(BenchModels.Mlp()));
        Assert.Equal(1_007_104, expected);
    }

    [Theory]
    [InlineData(new[] { 3.0 }, 3.0)]
    [InlineData(new[] { 5.0, 1.0, 4.0 }, 4.0)]
    [InlineData(new[] { 4.0, 1.0, 3.0, 2.0 }, 2.5)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two(double[] values, double median) =>
        Assert.Equal(median, Stats.Median(values));

    [Theory]
    [InlineData(48_453.7, 48_450)]
    [InlineData(0.681_49, 0.6815)]
    [InlineData(-1_234_567, -1_235_000)]
    public void Figures_are_rounded_to_four_significant_digits(double value, double rounded) =>
        Assert.Equal(rounded, Stats.Round(value), 9);

    [Fact]
    public void An_unknown_workload_or_optimizer_or_a_thread_count_below_one_is_a_usage_error()
    {
        Assert.Equal(2, BenchCommand.Run("train", threads: null, backend: null));
        Assert.Equal(2, BenchCommand.Run("mlp", threads: 0, backend: null));
        Assert.Equal(2, BenchCommand.Run("mlp", threads: null, backend: null, optimizer: "lamb"));
    }
}
