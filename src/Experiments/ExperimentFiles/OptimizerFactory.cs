using Functional.NN.Optimizers;
using LanguageExt;
using Schedule = Functional.NN.Optimizers.Schedule;
using LanguageExt.Common;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>
/// Builds Core's optimizer and learning-rate schedule from an <see cref="OptimizerSpec"/>: a lookup from
/// names to <see cref="Optimizer"/> and <see cref="Schedule"/> factories, nothing more. A clip of the global
/// norm goes first in a chain: <c>Chain(ClipByGlobalNorm(c), optimizer)</c>.
/// </summary>
internal static class OptimizerFactory
{
    /// <summary>The learning rate as a schedule of the step.</summary>
    public static Fin<Schedule> LearningRate(OptimizerSpec spec) => Guard("optimizer.schedule", () =>
    {
        var s = spec.Schedule.Settings;
        var rate = spec.LearningRate;
        var schedule = spec.Schedule.Name switch
        {
            "constant" => Schedule.Constant(rate),
            "step_decay" => Schedule.StepDecay(rate, (int)s["step_size"], s["gamma"]),
            "exponential_decay" => Schedule.Exponential(rate, s["decay_rate"], (int)s["transition_steps"]),
            "cosine_decay" => Schedule.CosineDecay(rate, (int)s["decay_steps"], s["alpha"], s["exponent"]),
            "linear" => Schedule.Linear(rate, s["end"], (int)s["transition_steps"], (int)s["transition_begin"]),
            var other => throw new ArgumentException($"unknown schedule '{other}'"),
        };
        return spec.Schedule.WarmupSteps > 0 ? Schedule.LinearWarmup(spec.Schedule.WarmupSteps, schedule) : schedule;
    });

    /// <summary>The optimizer, with its schedule and optional clipping.</summary>
    public static Fin<GradientTransformation> Build(OptimizerSpec spec) =>
        from schedule in LearningRate(spec)
        from optimizer in Guard("optimizer", () => Named(spec, schedule))
        select optimizer;

    private static GradientTransformation Named(OptimizerSpec spec, Schedule schedule)
    {
        var s = spec.Settings;
        var optimizer = spec.Name switch
        {
            "sgd" => Optimizer.Sgd(schedule),
            "sgd_momentum" => Optimizer.SgdMomentum(schedule, s["momentum"], spec.Nesterov ?? false),
            "adam" => Optimizer.Adam(schedule, s["b1"], s["b2"], s["eps"]),
            "adamw" => Optimizer.AdamW(schedule, s["b1"], s["b2"], s["eps"], s["weight_decay"]),
            "rmsprop" => Optimizer.RmsProp(schedule, s["alpha"], s["eps"]),
            var other => throw new ArgumentException($"unknown optimizer '{other}'"),
        };
        return spec.ClipGlobalNorm is { } clip ? Transform.Chain(Transform.ClipByGlobalNorm(clip), optimizer) : optimizer;
    }

    private static Fin<T> Guard<T>(string path, Func<T> build)
    {
        try
        {
            return build();
        }
        catch (Exception e) when (e is ArgumentException or KeyNotFoundException)
        {
            return Error.New($"{path}: {e.Message}");
        }
    }
}
