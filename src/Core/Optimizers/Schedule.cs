namespace Functional.NN.Optimizers;

/// <summary>
/// A learning rate (or any hyper-parameter) as a pure function of the step number k = 0, 1, 2, ... (the number
/// of updates made before the current one), like an optax schedule. A constant converts implicitly
/// (<c>Schedule lr = 0.01;</c>), and so does any <c>Func&lt;int, double&gt;</c>. The <see cref="Description"/>
/// names the schedule and its hyper-parameters, for experiment records.
/// </summary>
public sealed record Schedule
{
    private readonly Func<int, double> _rate;

    /// <summary>A schedule from a pure function of the step and a description of it.</summary>
    public Schedule(Func<int, double> rate, string description)
    {
        _rate = rate ?? throw new ArgumentNullException(nameof(rate));
        Description = description ?? throw new ArgumentNullException(nameof(description));
    }

    /// <summary>What the schedule is, e.g. <c>cosine_decay(init=0.1, decay_steps=1000, alpha=0)</c>.</summary>
    public string Description { get; }

    /// <summary>The value at step <paramref name="step"/> ≥ 0.</summary>
    public double At(int step) => step >= 0
        ? _rate(step)
        : throw new ArgumentOutOfRangeException(nameof(step), step, $"{Description}: the step must be >= 0");

    /// <summary>The schedule as a plain function of the step.</summary>
    public Func<int, double> AsFunction() => At;

    /// <summary>The constant schedule with value <paramref name="value"/>.</summary>
    public static implicit operator Schedule(double value) => Constant(value);

    /// <summary>A schedule from a plain function of the step.</summary>
    public static implicit operator Schedule(Func<int, double> rate) => new(rate, "custom");

    /// <summary>The <see cref="Description"/>.</summary>
    public override string ToString() => Description;

    /// <summary>η(k) = <paramref name="value"/> for every k (optax <c>constant_schedule</c>).</summary>
    public static Schedule Constant(double value) => new(_ => value, Transform.Text(value));

    /// <summary>
    /// Step decay (torch <c>StepLR</c>; optax <c>exponential_decay</c> with <c>staircase=True</c>):
    /// η(k) = η₀·γ^⌊k / s⌋, the rate multiplied by γ every s steps.
    /// </summary>
    /// <param name="initial">η₀.</param>
    /// <param name="stepSize">s ≥ 1, steps between decays.</param>
    /// <param name="gamma">γ, the factor applied every s steps.</param>
    public static Schedule StepDecay(double initial, int stepSize, double gamma)
    {
        RequirePositive(stepSize, nameof(stepSize), "step_decay");
        return new(k => initial * Math.Pow(gamma, k / stepSize),
            $"step_decay(init={Transform.Text(initial)}, step_size={stepSize}, gamma={Transform.Text(gamma)})");
    }

    /// <summary>
    /// Exponential decay (optax <c>exponential_decay</c> without staircase; torch <c>ExponentialLR</c> when
    /// n = 1): η(k) = η₀·r^(k / n), a smooth decay by the factor r every n steps.
    /// </summary>
    /// <param name="initial">η₀.</param>
    /// <param name="decayRate">r.</param>
    /// <param name="transitionSteps">n ≥ 1.</param>
    public static Schedule Exponential(double initial, double decayRate, int transitionSteps = 1)
    {
        RequirePositive(transitionSteps, nameof(transitionSteps), "exponential_decay");
        return new(k => initial * Math.Pow(decayRate, (double)k / transitionSteps),
            $"exponential_decay(init={Transform.Text(initial)}, decay_rate={Transform.Text(decayRate)}, transition_steps={transitionSteps})");
    }

    /// <summary>
    /// Cosine decay (optax <c>cosine_decay_schedule</c>; SGDR without restarts), with k̄ = min(k, K):
    /// η(k) = η₀·((1 − α)·(½(1 + cos(π·k̄/K)))^p + α). It starts at η₀, reaches α·η₀ at step K and stays there.
    /// </summary>
    /// <param name="initial">η₀.</param>
    /// <param name="decaySteps">K ≥ 1.</param>
    /// <param name="alpha">α, the final value as a fraction of η₀.</param>
    /// <param name="exponent">p, the power of the cosine factor (1 for the usual schedule).</param>
    public static Schedule CosineDecay(double initial, int decaySteps, double alpha = 0.0, double exponent = 1.0)
    {
        RequirePositive(decaySteps, nameof(decaySteps), "cosine_decay");
        return new(k =>
            {
                var cosine = 0.5 * (1 + Math.Cos(Math.PI * Math.Min(k, decaySteps) / decaySteps));
                return initial * ((1 - alpha) * Math.Pow(cosine, exponent) + alpha);
            },
            $"cosine_decay(init={Transform.Text(initial)}, decay_steps={decaySteps}, alpha={Transform.Text(alpha)}, exponent={Transform.Text(exponent)})");
    }

    /// <summary>
    /// A linear ramp (optax <c>linear_schedule</c>), with k̄ = min(max(k − b, 0), n):
    /// η(k) = η₀ + (η₁ − η₀)·k̄/n. It holds η₀ until step b, then reaches η₁ after n more steps and stays there.
    /// </summary>
    /// <param name="initial">η₀.</param>
    /// <param name="end">η₁.</param>
    /// <param name="transitionSteps">n ≥ 1.</param>
    /// <param name="transitionBegin">b ≥ 0.</param>
    public static Schedule Linear(double initial, double end, int transitionSteps, int transitionBegin = 0)
    {
        RequirePositive(transitionSteps, nameof(transitionSteps), "linear");
        if (transitionBegin < 0)
            throw new ArgumentOutOfRangeException(nameof(transitionBegin), transitionBegin, "linear: transitionBegin must be >= 0");
        return new(k => initial + (end - initial) * Math.Clamp(k - transitionBegin, 0, transitionSteps) / transitionSteps,
            $"linear(init={Transform.Text(initial)}, end={Transform.Text(end)}, transition_steps={transitionSteps}, transition_begin={transitionBegin})");
    }

    /// <summary>
    /// Linear warm-up into another schedule (optax <c>join_schedules([linear_schedule(η₀, then(0), W), then], [W])</c>):
    /// η(k) = η₀ + (then(0) − η₀)·k/W for k &lt; W, and then(k − W) afterwards, so the following schedule
    /// starts from its own step 0 when the warm-up ends.
    /// </summary>
    /// <param name="warmupSteps">W ≥ 0 (0 gives <paramref name="then"/> itself).</param>
    /// <param name="then">The schedule after the warm-up.</param>
    /// <param name="initial">η₀, the value at step 0.</param>
    public static Schedule LinearWarmup(int warmupSteps, Schedule then, double initial = 0.0)
    {
        ArgumentNullException.ThrowIfNull(then);
        if (warmupSteps < 0)
            throw new ArgumentOutOfRangeException(nameof(warmupSteps), warmupSteps, "linear_warmup: warmupSteps must be >= 0");
        var peak = then.At(0);
        return new(k => k < warmupSteps ? initial + (peak - initial) * k / warmupSteps : then.At(k - warmupSteps),
            $"linear_warmup(init={Transform.Text(initial)}, warmup_steps={warmupSteps}, then={then.Description})");
    }

    /// <summary>
    /// Linear warm-up from η₀ to a peak, then cosine decay to η_end (optax <c>warmup_cosine_decay_schedule</c>):
    /// <see cref="LinearWarmup"/>(W, <see cref="CosineDecay"/>(peak, K − W, η_end/peak), η₀), where K counts the
    /// warm-up steps too.
    /// </summary>
    /// <param name="initial">η₀.</param>
    /// <param name="peak">The value reached at the end of the warm-up (≠ 0).</param>
    /// <param name="warmupSteps">W ≥ 0.</param>
    /// <param name="decaySteps">K &gt; W, the total length of warm-up and decay.</param>
    /// <param name="end">η_end, the final value.</param>
    public static Schedule WarmupCosineDecay(double initial, double peak, int warmupSteps, int decaySteps, double end = 0.0)
    {
        if (peak == 0) throw new ArgumentOutOfRangeException(nameof(peak), peak, "warmup_cosine_decay: peak must not be 0");
        if (decaySteps <= warmupSteps)
            throw new ArgumentOutOfRangeException(nameof(decaySteps), decaySteps, $"warmup_cosine_decay: decaySteps must exceed warmupSteps ({warmupSteps})");
        return LinearWarmup(warmupSteps, CosineDecay(peak, decaySteps - warmupSteps, end / peak), initial);
    }

    private static void RequirePositive(int value, string name, string schedule)
    {
        if (value < 1) throw new ArgumentOutOfRangeException(name, value, $"{schedule}: {name} must be >= 1");
    }
}
