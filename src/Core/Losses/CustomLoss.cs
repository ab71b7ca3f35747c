using System.Numerics;
using Functional.NN.Tensors;

namespace Functional.NN.Losses;

/// <summary>
/// A user-defined loss on the network's output: a name, L(a, t) and dL/da. Verify the gradient with
/// <see cref="Verification.GradientCheck.OfLoss"/> before training with it. The functions take and give double
/// tensors: a float batch is widened exactly, and the value and gradient are rounded back to float once.
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
    public override T Value<T>(Tensor<T> outputs, Tensor<T> targets) =>
        T.CreateTruncating(ValueFunction(outputs.Convert<double>(), targets.Convert<double>()));

    /// <inheritdoc />
    public override Tensor<T> Gradient<T>(Tensor<T> outputs, Tensor<T> targets) =>
        GradientFunction(outputs.Convert<double>(), targets.Convert<double>()).Convert<T>();
}
