using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Tensors;
using Functional.NN.Verification;

namespace Functional.NN.Tests.Losses;

/// <summary>Every loss's output delta dL/dz against central finite differences of its value, on generated batches.</summary>
public sealed class LossGradientProperties
{
    private static Property Checks(Loss loss, Activation output, Arbitrary<(Tensor Z, Tensor Targets)> cases) =>
        GradientProperties.ForLoss(loss, output, cases);

    [Property] public Property Bce_after_sigmoid_with_binary_targets() =>
        Checks(Loss.BinaryCrossEntropy, Activation.Sigmoid, LossCases.Elementwise(PreActivations.Number(12), LossCases.Binary));

    [Property] public Property Bce_after_sigmoid_with_soft_targets() =>
        Checks(Loss.BinaryCrossEntropy, Activation.Sigmoid, LossCases.Elementwise(PreActivations.Number(12), LossCases.Soft));

    [Property] public Property Bce_with_logits_with_binary_targets() =>
        Checks(Loss.BinaryCrossEntropyWithLogits, Activation.Identity, LossCases.Elementwise(PreActivations.Number(12), LossCases.Binary));

    [Property] public Property Bce_with_logits_with_soft_targets() =>
        Checks(Loss.BinaryCrossEntropyWithLogits, Activation.Identity, LossCases.Elementwise(PreActivations.Number(12), LossCases.Soft));

    [Property] public Property Softmax_cross_entropy_with_one_hot_targets() =>
        Checks(Loss.SoftmaxCrossEntropy, Activation.Softmax, LossCases.Classes(PreActivations.Number(12)));

    [Property] public Property Mean_squared_error_after_tanh() =>
        Checks(Loss.MeanSquaredError, Activation.Tanh, LossCases.Elementwise(PreActivations.Number(4), PreActivations.Number(1)));

    [Property] public Property Half_sum_squared_error_after_sigmoid() =>
        Checks(Loss.HalfSumSquaredError, Activation.Sigmoid, LossCases.Elementwise(PreActivations.Number(4), LossCases.Soft));
}
