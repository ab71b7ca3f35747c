using Functional.NN.Optimizers;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// The descriptions schedules carry into optimizer names (and so into reports and checkpoints), each refusal with its
/// parameter and message, the closed end of each range, and the hyper-parameters the value tests leave at their defaults.
/// </summary>
public sealed class ScheduleDescriptionTests
{
    public static TheoryData<string, Schedule> Described() => new()
    {
        { "0.25", Schedule.Constant(0.25) },
        { "0.1", 0.1 },
        { "custom", (Func<int, double>)(k => k) },
        { "step_decay(init=0.1, step_size=3, gamma=0.5)", Schedule.StepDecay(0.1, 3, 0.5) },
        { "exponential_decay(init=1, decay_rate=0.25, transition_steps=2)", Schedule.Exponential(1.0, 0.25, 2) },
        { "exponential_decay(init=1, decay_rate=0.5, transition_steps=1)", Schedule.Exponential(1.0, 0.5) },
        { "cosine_decay(init=0.1, decay_steps=100, alpha=0.1, exponent=2)", Schedule.CosineDecay(0.1, 100, 0.1, 2.0) },
        { "cosine_decay(init=0.1, decay_steps=100, alpha=0, exponent=1)", Schedule.CosineDecay(0.1, 100) },
        { "linear(init=1, end=0, transition_steps=4, transition_begin=2)", Schedule.Linear(1.0, 0.0, 4, 2) },
        { "linear(init=1, end=0, transition_steps=4, transition_begin=0)", Schedule.Linear(1.0, 0.0, 4) },
        { "linear_warmup(init=0.01, warmup_steps=4, then=0.1)", Schedule.LinearWarmup(4, 0.1, 0.01) },
        {
            "linear_warmup(init=0, warmup_steps=10, then=cosine_decay(init=1, decay_steps=100, alpha=0.1, exponent=1))",
            Schedule.WarmupCosineDecay(0.0, 1.0, 10, 110, 0.1)
        },
    };

    [Theory, MemberData(nameof(Described))]
    public void Every_schedule_is_described_with_its_hyper_parameters(string description, Schedule schedule)
    {
        Assert.Equal(description, schedule.Description);
        Assert.Equal(description, schedule.ToString());
    }

    [Fact]
    public void An_optimizer_name_carries_the_schedule_description() =>
        Assert.Equal("sgd(lr=step_decay(init=0.1, step_size=3, gamma=0.5))", Optimizer.Sgd(Schedule.StepDecay(0.1, 3, 0.5)).Name);

    public static TheoryData<Func<object>, string, string> Refused() => new()
    {
        { () => Schedule.StepDecay(0.1, 0, 0.5), "stepSize", "step_decay: stepSize must be >= 1" },
        { () => Schedule.Exponential(0.1, 0.5, 0), "transitionSteps", "exponential_decay: transitionSteps must be >= 1" },
        { () => Schedule.CosineDecay(0.1, 0), "decaySteps", "cosine_decay: decaySteps must be >= 1" },
        { () => Schedule.Linear(1.0, 0.0, 0), "transitionSteps", "linear: transitionSteps must be >= 1" },
        { () => Schedule.Linear(1.0, 0.0, 4, -1), "transitionBegin", "linear: transitionBegin must be >= 0" },
        { () => Schedule.LinearWarmup(-1, 0.1), "warmupSteps", "linear_warmup: warmupSteps must be >= 0" },
        { () => Schedule.WarmupCosineDecay(0.0, 0.0, 1, 10), "peak", "warmup_cosine_decay: peak must not be 0" },
        { () => Schedule.WarmupCosineDecay(0.0, 1.0, 5, 5), "decaySteps", "warmup_cosine_decay: decaySteps must exceed warmupSteps (5)" },
        { () => Schedule.WarmupCosineDecay(0.0, 1.0, 5, 4), "decaySteps", "warmup_cosine_decay: decaySteps must exceed warmupSteps (5)" },
        { () => Schedule.StepDecay(0.1, 3, 0.5).At(-1), "step", "step_decay(init=0.1, step_size=3, gamma=0.5): the step must be >= 0" },
    };

    [Theory, MemberData(nameof(Refused))]
    public void Each_refusal_names_its_parameter_and_says_why(Func<object> build, string parameter, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(build);
        Assert.Equal(parameter, e.ParamName);
        Assert.StartsWith(message, e.Message);
    }

    [Fact]
    public void Missing_functions_and_descriptions_are_refused()
    {
        Assert.Equal("rate", Assert.Throws<ArgumentNullException>(() => new Schedule(null!, "x")).ParamName);
        Assert.Equal("description", Assert.Throws<ArgumentNullException>(() => new Schedule(k => k, null!)).ParamName);
        Assert.Equal("then", Assert.Throws<ArgumentNullException>(() => Schedule.LinearWarmup(1, null!)).ParamName);
    }

    [Fact]
    public void The_smallest_accepted_sizes_work()
    {
        Assert.Equal([0.1, 0.05, 0.025], Enumerable.Range(0, 3).Select(Schedule.StepDecay(0.1, 1, 0.5).At));
        Assert.Equal([1.0, 0.5, 0.25], Enumerable.Range(0, 3).Select(Schedule.Exponential(1.0, 0.5, 1).At));
        Assert.Equal([2.0, 0.5, 0.5], Enumerable.Range(0, 3).Select(Schedule.CosineDecay(2.0, 1, 0.25).At));
        Assert.Equal([1.0, 3.0, 3.0], Enumerable.Range(0, 3).Select(Schedule.Linear(1.0, 3.0, 1).At));
        Assert.Equal([0.5, 0.5], Enumerable.Range(0, 2).Select(Schedule.WarmupCosineDecay(0.0, 0.5, 0, 1, 0.5).At));
    }

    [Fact]
    public void Linear_starts_ramping_at_once_by_default() =>
        Assert.Equal([1.0, 0.75, 0.5, 0.25, 0.0, 0.0], Enumerable.Range(0, 6).Select(Schedule.Linear(1.0, 0.0, 4).At));

    [Fact]
    public void Cosine_decay_raises_the_cosine_factor_to_the_exponent()
    {
        var s = Schedule.CosineDecay(1.0, 4, alpha: 0.0, exponent: 2.0);
        Assert.Equal(0.25, s.At(2), 15);
        Assert.Equal(Math.Pow(0.5 * (1 + Math.Cos(Math.PI / 4)), 2), s.At(1), 15);
    }

    [Fact]
    public void The_warm_up_hands_over_at_its_last_step_to_the_next_schedule_exactly()
    {
        // At k = warm-up steps the ramp formula would give 0.1 + (0.9 - 0.1)·3/3 = 0.9000000000000001, not then.At(0) = 0.9.
        var s = Schedule.LinearWarmup(3, Schedule.Constant(0.9), initial: 0.1);
        Assert.Equal(0.9, s.At(3));
        Assert.Equal(0.1 + (0.9 - 0.1) * 2 / 3, s.At(2));
    }
}
