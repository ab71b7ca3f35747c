using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Verification;

namespace Functional.NN.Tests.Activations;

/// <summary>
/// Every activation's backward rule against central finite differences, on generated z tensors.
/// Kinked activations (relu, leaky_relu, elu) keep |z| &gt; 1e-3, far from the kink relative to the step 1e-6.
/// </summary>
public sealed class ActivationGradientProperties
{
    private static Property Checks(Activation activation, double bound, double minAbs) =>
        GradientProperties.ForActivation(activation, new GradientKitOptions(Bound: bound, MinimumDistanceFromZero: minAbs));

    [Property] public Property Leaky_relu_backward_matches_finite_differences() => Checks(Activation.LeakyRelu, 8, 1e-3);

    [Property] public Property Leaky_relu_with_slope_0_2_backward_matches_finite_differences() =>
        Checks(Activation.LeakyReluWithSlope(0.2), 8, 1e-3);

    [Property] public Property Elu_backward_matches_finite_differences() => Checks(Activation.Elu, 8, 1e-3);

    [Property] public Property Elu_with_alpha_0_5_backward_matches_finite_differences() =>
        Checks(Activation.EluWithAlpha(0.5), 8, 1e-3);

    [Property] public Property Softplus_backward_matches_finite_differences() => Checks(Activation.Softplus, 30, 0);

    [Property] public Property Gelu_backward_matches_finite_differences() => Checks(Activation.Gelu, 8, 0);

    [Property] public Property Relu_backward_matches_finite_differences() => Checks(Activation.Relu, 8, 1e-3);

    [Property] public Property Sigmoid_backward_matches_finite_differences() => Checks(Activation.Sigmoid, 8, 0);

    [Property] public Property Tanh_backward_matches_finite_differences() => Checks(Activation.Tanh, 8, 0);

    [Property] public Property Softmax_backward_matches_finite_differences() => Checks(Activation.Softmax, 8, 0);
}
