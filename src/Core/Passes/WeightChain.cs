namespace Functional.NN.Passes;

/// <summary>
/// The three factors of the chain rule for one weight w that connects input a_in to unit j of a layer,
/// for one example (seed NOTES §5, Step 2):
/// <c>∂E/∂w = ∂E/∂out_j · ∂out_j/∂net_j · ∂net_j/∂w</c>.
/// </summary>
/// <param name="GradientOfOutput">∂E/∂out_j: how the loss changes with the unit's output (for an output unit with the half squared error, out_j - target_j).</param>
/// <param name="ActivationDerivative">∂out_j/∂net_j = f'(net_j) (for the sigmoid, out_j (1 - out_j)).</param>
/// <param name="InputOfWeight">∂net_j/∂w = a_in, the value the weight multiplies.</param>
public sealed record WeightChain(double GradientOfOutput, double ActivationDerivative, double InputOfWeight)
{
    /// <summary>∂E/∂w, the product of the three factors.</summary>
    public double Product => GradientOfOutput * ActivationDerivative * InputOfWeight;
}
