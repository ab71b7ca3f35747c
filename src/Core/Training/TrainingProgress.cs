using System.Numerics;
using Functional.NN.Model;
using Functional.NN.Optimizers;

namespace Functional.NN.Training;

/// <summary>
/// The full state of a mini-batch training run after <see cref="Step"/> updates: a plain immutable record
/// from which training continues exactly (<see cref="MiniBatchTrainer.Run{T}(TrainingPlan, TrainingProgress{T})"/>). The data order needs no
/// random state of its own: epoch e's order is a pure function of the plan's key and e.
/// </summary>
/// <param name="Step">Updates applied so far.</param>
/// <param name="Epoch">The epoch the next batch belongs to (from 0).</param>
/// <param name="BatchInEpoch">Batches of <paramref name="Epoch"/> already trained on; equal to the plan's
/// batches per epoch when the epoch has just ended.</param>
/// <param name="Parameters">The parameters after <paramref name="Step"/> updates.</param>
/// <param name="OptimizerState">The optimizer's state after <paramref name="Step"/> updates.</param>
/// <param name="BatchLoss">The loss of the batch of the last update, at the parameters before it; null before the first update.</param>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed record TrainingProgress<T>(
    long Step, int Epoch, int BatchInEpoch, Parameters<T> Parameters, OptimizerState OptimizerState, T? BatchLoss) where T : unmanaged, IFloatingPointIeee754<T>;
