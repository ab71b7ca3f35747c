using Functional.NN.Model;

namespace Functional.NN.Experiments.Evaluation;

/// <summary>The network and parameters a gradient check runs on, and where they came from (for the report).</summary>
/// <param name="Network">The architecture.</param>
/// <param name="Parameters">The point at which the gradient is checked.</param>
/// <param name="Origin">Where they came from: the model file, or the initializer and seed of a network spec.</param>
internal sealed record ModelUnderCheck(Network Network, Parameters Parameters, string Origin);
