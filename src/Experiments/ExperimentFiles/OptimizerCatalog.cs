using System.Collections.Immutable;
using static Functional.NN.Experiments.ExperimentFiles.NumberSetting;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// The optimizers and schedules an experiment file can name, with the settings each takes and their
/// defaults (those of <c>Functional.NN.Optimizers.Optimizer</c> and <c>Schedule</c>, which follow torch and optax).
/// </summary>
internal static class OptimizerCatalog
{
    /// <summary>The learning rate when <c>optimizer.learning_rate</c> is absent.</summary>
    public const double DefaultLearningRate = 0.001;

    /// <summary>The optimizer when <c>optimizer</c> or its name is absent.</summary>
    public const string DefaultOptimizer = "adam";

    private static readonly NumberSetting Eps = Real("eps", 1e-8, NonNegative);

    /// <summary>Each optimizer's numeric settings, besides learning_rate and clip_global_norm.</summary>
    public static ImmutableSortedDictionary<string, ImmutableArray<NumberSetting>> Optimizers { get; } =
        new Dictionary<string, ImmutableArray<NumberSetting>>
        {
            ["sgd"] = [],
            ["sgd_momentum"] = [Real("momentum", 0.9, NonNegative)],
            ["adam"] = [Real("b1", 0.9, Fraction), Real("b2", 0.999, Fraction), Eps],
            ["adamw"] = [Real("b1", 0.9, Fraction), Real("b2", 0.999, Fraction), Eps, Real("weight_decay", 0.01, NonNegative)],
            ["rmsprop"] = [Real("alpha", 0.99, Fraction), Eps],
        }.ToImmutableSortedDictionary(StringComparer.Ordinal);

    /// <summary>Each schedule's settings, besides warmup_steps (the learning rate is the schedule's initial value).</summary>
    public static ImmutableSortedDictionary<string, ImmutableArray<NumberSetting>> Schedules { get; } =
        new Dictionary<string, ImmutableArray<NumberSetting>>
        {
            ["constant"] = [],
            ["step_decay"] = [Count("step_size", null, 1), Real("gamma", 0.1, Positive)],
            ["exponential_decay"] = [Real("decay_rate", null, Positive), Count("transition_steps", 1, 1)],
            ["cosine_decay"] = [Count("decay_steps", null, 1), Real("alpha", 0.0, v => v is >= 0 and <= 1 ? null : "must be from 0 to 1"),
                                Real("exponent", 1.0, Positive)],
            ["linear"] = [Real("end", null, NonNegative), Count("transition_steps", null, 1), Count("transition_begin", 0, 0)],
        }.ToImmutableSortedDictionary(StringComparer.Ordinal);
}
