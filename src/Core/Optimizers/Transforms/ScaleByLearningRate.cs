namespace Functional.NN.Optimizers;

public static partial class Transform
{
    /// <summary>
    /// Multiplies by minus the learning rate of the current step (optax <c>scale_by_learning_rate</c>, which
    /// is <c>scale_by_schedule</c> with the sign flipped so that p + u descends):
    /// <code>
    /// u_t = −η(k)·g_t,   k = t − 1 = updates made before this one
    /// </code>
    /// The first update uses η(0), as torch's learning-rate schedulers do. A constant rate converts to a
    /// <see cref="Schedule"/> implicitly. State: <see cref="CountState"/> (also for a constant rate, so that the
    /// state's shape does not depend on the schedule).
    /// </summary>
    /// <param name="learningRate">η, a constant or a <see cref="Schedule"/> of the step number.</param>
    public static GradientTransformation ScaleByLearningRate(Schedule learningRate)
    {
        ArgumentNullException.ThrowIfNull(learningRate);
        var name = $"scale_by_learning_rate({learningRate.Description})";
        return new GradientTransformation(
            name,
            _ => new CountState(0),
            (gradients, state, _) =>
            {
                var s = OptimizerState.Expect<CountState>(state, name, CountState.KindName);
                var rate = learningRate.At(s.Count);
                return (gradients.MapScalars(g => -rate * g), new CountState(s.Count + 1));
            });
    }
}
