using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Optimizers;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>Schedules at known steps, and their shape over all steps.</summary>
public sealed class ScheduleTests
{
    private static void Near(double expected, double actual, string where) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-15 * Math.Max(1, Math.Abs(expected)), $"{where}: expected {expected:R}, got {actual:R}");

    [Fact]
    public void Constant_is_the_same_at_every_step_and_converts_from_a_number()
    {
        Schedule lr = 0.01;
        Assert.All(new[] { 0, 1, 10, 1_000_000 }, k => Assert.Equal(0.01, lr.At(k)));
        Assert.Equal("0.01", lr.Description);
    }

    [Fact]
    public void A_function_of_the_step_converts_to_a_schedule()
    {
        Schedule halving = (Func<int, double>)(k => 1.0 / (1 << k));
        Assert.Equal(0.25, halving.At(2));
        Assert.Equal(0.125, halving.AsFunction()(3));
    }

    [Fact]
    public void Cosine_decay_starts_at_init_is_halfway_at_half_and_ends_at_alpha_times_init()
    {
        var s = Schedule.CosineDecay(0.1, decaySteps: 100, alpha: 0.1);
        Near(0.1, s.At(0), "step 0");
        Near(0.1 * (0.9 * 0.5 + 0.1), s.At(50), "step 50");
        Near(0.01, s.At(100), "step 100");
        Near(0.01, s.At(1000), "after the end");
        Near(0.1 * 0.5 * (1 + Math.Cos(Math.PI * 25 / 100)), Schedule.CosineDecay(0.1, 100).At(25), "step 25, alpha 0");
    }

    [Fact]
    public void Linear_warmup_ramps_from_init_to_the_next_schedule_then_hands_over()
    {
        var s = Schedule.LinearWarmup(4, Schedule.Exponential(0.1, 0.5), initial: 0.0);
        Near(0.0, s.At(0), "step 0");
        Near(0.025, s.At(1), "step 1");
        Near(0.05, s.At(2), "step 2");
        Near(0.075, s.At(3), "step 3");
        Near(0.1, s.At(4), "step 4 = next schedule's step 0");
        Near(0.05, s.At(5), "step 5 = next schedule's step 1");
        Near(0.1, Schedule.LinearWarmup(0, 0.1).At(0), "no warm-up");
    }

    [Fact]
    public void Warmup_cosine_decay_matches_the_optax_construction()
    {
        var s = Schedule.WarmupCosineDecay(initial: 0.0, peak: 1.0, warmupSteps: 10, decaySteps: 110, end: 0.1);
        Near(0.0, s.At(0), "start");
        Near(0.5, s.At(5), "mid warm-up");
        Near(1.0, s.At(10), "peak");
        Near(0.9 * 0.5 + 0.1, s.At(60), "middle of the decay");
        Near(0.1, s.At(110), "end");
        Near(0.1, s.At(500), "after the end");
    }

    [Fact]
    public void Step_decay_multiplies_by_gamma_every_step_size_steps()
    {
        var s = Schedule.StepDecay(0.1, stepSize: 3, gamma: 0.5);
        Assert.Equal([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025], Enumerable.Range(0, 7).Select(s.At));
    }

    [Fact]
    public void Exponential_decay_is_smooth_between_transitions()
    {
        var s = Schedule.Exponential(1.0, decayRate: 0.25, transitionSteps: 2);
        Near(1.0, s.At(0), "step 0");
        Near(0.5, s.At(1), "step 1");
        Near(0.25, s.At(2), "step 2");
    }

    [Fact]
    public void Linear_holds_ramps_and_holds()
    {
        var s = Schedule.Linear(1.0, 0.0, transitionSteps: 4, transitionBegin: 2);
        Assert.Equal([1.0, 1.0, 1.0, 0.75, 0.5, 0.25, 0.0, 0.0], Enumerable.Range(0, 8).Select(s.At));
    }

    [Fact]
    public void Negative_steps_and_bad_hyper_parameters_are_rejected_with_the_value()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.Constant(1).At(-1));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.CosineDecay(1, 0));
        Assert.Contains("decaySteps", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Schedule.WarmupCosineDecay(0, 1, 10, 10));
    }

    [Property]
    public Property Cosine_decay_never_increases_and_stays_between_alpha_init_and_init() =>
        Prop.ForAll(Gen.Choose(1, 500).ToArbitrary(), Gen.Choose(0, 1000).ToArbitrary(), (decaySteps, k) =>
        {
            var s = Schedule.CosineDecay(2.0, decaySteps, alpha: 0.25);
            return s.At(k + 1) <= s.At(k) && s.At(k) <= 2.0 && s.At(k) >= 0.5 - 1e-15;
        });

    [Property]
    public Property Linear_warmup_never_decreases_during_the_warmup() =>
        Prop.ForAll(Gen.Choose(1, 200).ToArbitrary(), warmup =>
        {
            var s = Schedule.LinearWarmup(warmup, 0.3, initial: 0.01);
            return Enumerable.Range(0, warmup).All(k => s.At(k) <= s.At(k + 1)) && s.At(warmup) == 0.3;
        });
}
