using System.Collections.Immutable;

namespace Functional.NN.Experiments.ExperimentFiles;

/// <summary>The optimizer as written, every hyper-parameter of its kind filled in.</summary>
/// <param name="Name">sgd, sgd_momentum, adam, adamw or rmsprop.</param>
/// <param name="LearningRate">η, the rate (or the schedule's initial value or peak).</param>
/// <param name="Settings">The numeric hyper-parameters of the optimizer (b1, b2, eps, momentum, ...) by key.</param>
/// <param name="Nesterov">For sgd_momentum: Nesterov momentum; null for the others.</param>
/// <param name="ClipGlobalNorm">Clip the gradient's global norm to this bound before the optimizer, or null.</param>
/// <param name="Schedule">How the learning rate changes with the step.</param>
internal sealed record OptimizerSpec(
    string Name,
    double LearningRate,
    ImmutableSortedDictionary<string, double> Settings,
    bool? Nesterov,
    double? ClipGlobalNorm,
    ScheduleSpec Schedule)
{
    /// <summary>Equal when every field is equal, the settings compared key by key.</summary>
    public bool Equals(OptimizerSpec? other) =>
        other is not null && Name == other.Name && LearningRate.Equals(other.LearningRate) &&
        Settings.SequenceEqual(other.Settings) && Nesterov == other.Nesterov &&
        ClipGlobalNorm.Equals(other.ClipGlobalNorm) && Schedule.Equals(other.Schedule);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, LearningRate, Settings.Count);
}

/// <summary>A learning-rate schedule as written: its name, its settings, and an optional linear warm-up.</summary>
/// <param name="Name">constant, step_decay, exponential_decay, cosine_decay or linear.</param>
/// <param name="Settings">The schedule's numeric settings by key (decay_steps, gamma, ...).</param>
/// <param name="WarmupSteps">Steps of linear warm-up from 0 before the schedule starts; 0 for none.</param>
internal sealed record ScheduleSpec(string Name, ImmutableSortedDictionary<string, double> Settings, int WarmupSteps)
{
    /// <summary>Equal when names, settings and warm-up are equal.</summary>
    public bool Equals(ScheduleSpec? other) =>
        other is not null && Name == other.Name && Settings.SequenceEqual(other.Settings) && WarmupSteps == other.WarmupSteps;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Settings.Count, WarmupSteps);
}
