using System.Collections.Immutable;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Functional.NN.Training;
using Xunit;

namespace Functional.NN.Tests;

/// <summary>
/// Every figure of ../shared/seed/NOTES.md §5, steps 1 to 3, recomputed by the library and compared to
/// every digit printed (<see cref="PrintedFigure"/>). w1..w4 are W1 = [[w1, w2], [w3, w4]] and w5..w8
/// are W2 = [[w5, w6], [w7, w8]], one row per unit.
/// </summary>
public sealed class WorkedExampleTests
{
    private static readonly ValueAndGradient Result =
        Backpropagation.ValueAndGradient(TutorialExample.Network, TutorialExample.Parameters, TutorialExample.Batch);

    private static Tensor Z(int layer) => Result.Forward.Trace[layer].Z;
    private static Tensor A(int layer) => Result.Forward.Trace[layer].A;

    [Fact]
    public void Step_1_forward_pass()
    {
        PrintedFigure.AssertMatches("0.377500000", Z(0)[0, 0], "net_h1 = 0.3775 exactly");
        PrintedFigure.AssertMatches("0.593269992", A(0)[0, 0], "out_h1");
        PrintedFigure.AssertMatches("0.596884378", A(0)[0, 1], "out_h2");
        PrintedFigure.AssertMatches("1.105905967", Z(1)[0, 0], "net_o1");
        PrintedFigure.AssertMatches("0.751365070", A(1)[0, 0], "out_o1");
        PrintedFigure.AssertMatches("0.772928465", A(1)[0, 1], "out_o2");
    }

    [Fact]
    public void Step_2_errors_per_output_and_in_total()
    {
        var loss = (OutputLoss)Loss.HalfSumSquaredError;
        double ErrorOfOutput(int j) => loss.Value(Element(A(1), j), Element(TutorialExample.Targets, j));
        PrintedFigure.AssertMatches("0.274811083", ErrorOfOutput(0), "E_o1");
        PrintedFigure.AssertMatches("0.023560026", ErrorOfOutput(1), "E_o2");
        PrintedFigure.AssertMatches("0.298371109", Result.Value, "E_total");
    }

    [Fact]
    public void Step_2_chain_rule_factors_of_dE_dw5()
    {
        var errorByOutput = ((OutputLoss)Loss.HalfSumSquaredError).Gradient(A(1), TutorialExample.Targets)[0, 0];
        var outputByNet = ((ElementwiseActivation)Activation.Sigmoid).Derivative(Z(1), A(1))[0, 0];
        var netByWeight = Result.Forward.InputOf(1)[0, 0];
        PrintedFigure.AssertMatches("0.741365070", errorByOutput, "∂E/∂out_o1");
        PrintedFigure.AssertMatches("0.186815602", outputByNet, "∂out_o1/∂net_o1");
        PrintedFigure.AssertMatches("0.593269992", netByWeight, "∂net_o1/∂w5");
        PrintedFigure.AssertMatches("0.082167041", errorByOutput * outputByNet * netByWeight, "the product of the three");
        PrintedFigure.AssertMatches("0.082167041", Result.Gradients[1].Weights[0, 0], "∂E/∂w5 from backpropagation");
    }

    [Fact]
    public void Step_2_gradient_of_every_weight()
    {
        AssertWeights(Result.Gradients[1].Weights, "∂E/∂w", 5, "0.082167041", "0.082667628", "-0.022602540", "-0.022740242");
        AssertWeights(Result.Gradients[0].Weights, "∂E/∂w", 1, "0.000438568", "0.000877135", "0.000497713", "0.000995425");
    }

    /// <summary>
    /// ∂E_total/∂out_h1 = Σ_o δ_o · W2[o, h1] with δ_o = ∂E/∂net_o, which is the output bias gradient
    /// (one example): the first entry of δ_o · W2. Multiplied by out_h1(1 - out_h1) and i1 it is ∂E/∂w1.
    /// </summary>
    [Fact]
    public void Step_2_error_gradient_at_hidden_output_h1()
    {
        var deltaOutput = Result.Gradients[1].Bias;
        var errorByHidden = TensorAlgebra.Multiply(deltaOutput, TutorialExample.Parameters[1].Weights)[0, 0];
        PrintedFigure.AssertMatches("0.036350306", errorByHidden, "∂E_total/∂out_h1");
        var outH1 = A(0)[0, 0];
        PrintedFigure.AssertMatches("0.000438568", errorByHidden * outH1 * (1 - outH1) * TutorialExample.Inputs[0, 0], "∂E/∂w1 by the chain rule");
    }

    /// <summary>The tutorial's update: SGD with every bias frozen by a mask.</summary>
    private static GradientTransformation FrozenBiasSgd =>
        Transform.Chain(Transform.Freeze(ParameterMask.Biases(TutorialExample.Network)), Optimizer.Sgd(TutorialExample.LearningRate));

    [Fact]
    public void Step_2_standard_update_of_every_weight_with_biases_frozen()
    {
        var sgd = FrozenBiasSgd;
        var updated = sgd.Step(TutorialExample.Parameters, Result.Gradients, sgd.Init(TutorialExample.Parameters)).Parameters;
        AssertWeights(updated[1].Weights, "updated w", 5, "0.358916480", "0.408666186", "0.511301270", "0.561370121");
        AssertWeights(updated[0].Weights, "updated w", 1, "0.149780716", "0.199561432", "0.249751144", "0.299502287");
        Assert.Equal(TutorialExample.Parameters[0].Bias, updated[0].Bias);
        Assert.Equal(TutorialExample.Parameters[1].Bias, updated[1].Bias);
    }

    /// <summary>The layer-wise rule updates w5..w8 exactly as the standard rule, then w1..w4 through the new w5..w8.</summary>
    [Fact]
    public void Step_3_layerwise_update_of_every_weight()
    {
        var updated = LayerwiseBackpropagation.Step(TutorialExample.Network, TutorialExample.Parameters, TutorialExample.Batch,
            FrozenBiasSgd, FrozenBiasSgd.Init(TutorialExample.Parameters)).Parameters;
        AssertWeights(updated[1].Weights, "layer-wise updated w", 5, "0.358916480", "0.408666186", "0.511301270", "0.561370121");
        AssertWeights(updated[0].Weights, "layer-wise updated w", 1, "0.149817639", "0.199635277", "0.249788185", "0.299576370");
    }

    /// <summary>
    /// NOTES §5 step 3's three runs, plus the library's own per-unit-bias run. In the tutorial b1 and b2
    /// are each one number shared by the layer's units, so NOTES' "biases also updated" figures need the
    /// shared-bias rule; with a bias per unit (as the library and PyTorch have) the figures differ. Those of
    /// the last row are not in NOTES: they were recomputed independently in float64 (plain Python).
    /// </summary>
    public static TheoryData<string, string, string, string, string> TrainingRuns => new()
    {
        { LayerwiseFrozen, "0.291027924", "3.50847863e-05", "0.015912196", "0.984065734" },
        { StandardFrozen, "0.291027774", "3.510187783e-05", "0.015913620", "0.984064274" },
        { StandardSharedBiases, "0.285750887", "4.355321066e-06", "0.012102159", "0.987928390" },
        { StandardPerUnitBiases, "0.280471447", "2.44756224e-06", "0.011587527", "0.988458935" },
    };

    private const string LayerwiseFrozen = "layer-wise, biases frozen";
    private const string StandardFrozen = "standard, biases frozen";
    private const string StandardSharedBiases = "standard, one shared bias per layer updated (the tutorial's)";
    private const string StandardPerUnitBiases = "standard, per-unit biases updated";

    [Theory]
    [MemberData(nameof(TrainingRuns))]
    public void Step_3_error_after_1_and_10000_iterations_and_final_outputs(
        string rule, string errorAfter1, string errorAfter10000, string output1, string output2)
    {
        var (network, initial, batch, rate) =
            (TutorialExample.Network, TutorialExample.Parameters, TutorialExample.Batch, TutorialExample.LearningRate);
        var run = rule switch
        {
            LayerwiseFrozen => Trainer.Layerwise(network, initial, batch, FrozenBiasSgd),
            StandardFrozen => Trainer.GradientDescent(network, initial, batch, FrozenBiasSgd),
            StandardSharedBiases => Trainer.Unfold(network, initial, batch, s => GradientDescentStep.Apply(s.Parameters, SharedBias.Tie(s.Gradients), rate)),
            StandardPerUnitBiases => Trainer.GradientDescent(network, initial, batch, rate),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, "unknown rule"),
        };
        var states = run.Take(10_001).ToList();
        var final = states[^1];
        var outputs = ForwardPass.Predict(network, final.Parameters, batch.Inputs);

        PrintedFigure.AssertMatches("0.298371109", states[0].Loss, $"{rule}: E before any iteration");
        PrintedFigure.AssertMatches(errorAfter1, states[1].Loss, $"{rule}: E after 1 iteration");
        Assert.Equal(10_000, final.Step);
        PrintedFigure.AssertMatches(errorAfter10000, final.Loss, $"{rule}: E after 10,000 iterations");
        PrintedFigure.AssertMatches(output1, outputs[0, 0], $"{rule}: out_o1 after 10,000 iterations");
        PrintedFigure.AssertMatches(output2, outputs[0, 1], $"{rule}: out_o2 after 10,000 iterations");
    }

    private static Tensor Element(Tensor t, int column) => Tensor.Build(1, 1, (_, _) => t[0, column]);

    /// <summary>Asserts the four entries of a 2 x 2 weight matrix in row order, named w{first}..w{first+3}.</summary>
    private static void AssertWeights(Tensor weights, string what, int first, params string[] printed)
    {
        for (var i = 0; i < 4; i++)
            PrintedFigure.AssertMatches(printed[i], weights[i / 2, i % 2], $"{what}{first + i}");
    }
}
