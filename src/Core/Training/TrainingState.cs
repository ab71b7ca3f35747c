using System.Numerics;
using Functional.NN.Model;

namespace Functional.NN.Training;

/// <summary>
/// One point of a training run: the parameters after <see cref="Step"/> updates, with the loss and
/// gradient evaluated at exactly those parameters.
/// </summary>
/// <param name="Step">Number of updates applied so far (0 = initial parameters).</param>
/// <param name="Parameters">The parameters after <paramref name="Step"/> updates.</param>
/// <param name="Loss">The loss at <paramref name="Parameters"/>.</param>
/// <param name="Gradients">The gradient at <paramref name="Parameters"/>, which the next update uses.</param>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed record TrainingState<T>(long Step, Parameters<T> Parameters, T Loss, Gradients<T> Gradients) where T : unmanaged, IFloatingPointIeee754<T>;
