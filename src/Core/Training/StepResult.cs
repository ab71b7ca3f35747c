using System.Numerics;
using Functional.NN.Model;
using Functional.NN.Optimizers;

namespace Functional.NN.Training;

/// <summary>The outcome of one training step on a batch: step(p, s, batch) → (loss, p', s').</summary>
/// <param name="Loss">The loss on the batch at the parameters the step started from.</param>
/// <param name="Parameters">The parameters after the step.</param>
/// <param name="OptimizerState">The optimizer's state after the step.</param>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed record StepResult<T>(T Loss, Parameters<T> Parameters, OptimizerState OptimizerState) where T : unmanaged, IFloatingPointIeee754<T>;
