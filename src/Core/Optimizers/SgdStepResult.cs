using Functional.NN.Model;

namespace Functional.NN.Optimizers;

/// <summary>The outcome of one SGD step on a batch.</summary>
/// <param name="Loss">The loss at the parameters the step started from.</param>
/// <param name="Parameters">The parameters after the step.</param>
public sealed record SgdStepResult(double Loss, Parameters Parameters);
