using Functional.NN.Tensors;

namespace Functional.NN.Losses;

/// <summary>
/// A user-defined loss on the network's output: a name, L(a, t) and dL/da. Verify the gradient with
/// <see cref="Verification.GradientCheck.OfLoss"/> before training with it.
/// </summary>
/// <param name="CustomName">Name shown in reports.</param>
/// <param name="ValueFunction">L(outputs, targets) for a batch.</param>
/// <param name="GradientFunction">dL/d(outputs) for a batch.</param>
public sealed record CustomLoss(
    string CustomName, Func<Tensor, Tensor, double> ValueFunction, Func<Tensor, Tensor, Tensor> GradientFunction) : OutputLoss
{
    /// <inheritdoc />
    public override string Name => CustomName;

    /// <inheritdoc />
    public override double Value(Tensor outputs, Tensor targets) => ValueFunction(outputs, targets);

    /// <inheritdoc />
    public override Tensor Gradient(Tensor outputs, Tensor targets) => GradientFunction(outputs, targets);
}
