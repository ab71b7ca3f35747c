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
public sealed record TrainingState(long Step, Parameters Parameters, double Loss, Gradients Gradients);
