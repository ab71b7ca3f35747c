namespace Functional.NN.Experiments;

/// <summary>How well a model does on a data set, as <c>fnn evaluate</c> reports it.</summary>
/// <param name="Loss">The model's loss on all the examples as one batch.</param>
/// <param name="Accuracy">The fraction classified correctly; null for regression data.</param>
/// <param name="Examples">Number of examples scored.</param>
public sealed record ModelScore(double Loss, double? Accuracy, int Examples);
