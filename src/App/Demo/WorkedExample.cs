using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;

namespace Functional.NN.App.Demo;

/// <summary>
/// The tutorial's worked example as data (seed NOTES §5): a 2-2-2 sigmoid network with the half squared
/// error, its initial weights and biases, one training example, and the learning rate.
/// </summary>
/// <param name="Network">2 inputs, 2 sigmoid hidden units, 2 sigmoid outputs, E = Σ ½(target - out)².</param>
/// <param name="Initial">w1..w8 and the biases b1 (both hidden units) and b2 (both outputs).</param>
/// <param name="Batch">The single example: inputs (i1, i2), targets (o1, o2).</param>
/// <param name="LearningRate">η in w ← w - η ∂E/∂w.</param>
internal sealed record WorkedExample(Network Network, Parameters Initial, Batch Batch, double LearningRate)
{
    /// <summary>The number of updates after which the tutorial reports its Step 3 figures.</summary>
    public const int TutorialIterations = 10_000;

    /// <summary>The tutorial's update: w ← w − η ∂E/∂w with the biases frozen (a mask, then SGD).</summary>
    public GradientTransformation FrozenBiasSgd =>
        Transform.Chain(Transform.Freeze(ParameterMask.Biases(Network)), Optimizer.Sgd(LearningRate));

    /// <summary>The numbers printed in the tutorial.</summary>
    public static WorkedExample FromTutorial()
    {
        var network = Network.Create(2, Loss.HalfSumSquaredError, (2, Activation.Sigmoid), (2, Activation.Sigmoid)).ThrowIfFail();
        var layers = new (double[][] Weights, double[] Bias)[]
        {
            ([[0.15, 0.20], [0.25, 0.30]], [0.35, 0.35]), // w1 w2 (-> h1), w3 w4 (-> h2); b1
            ([[0.40, 0.45], [0.50, 0.55]], [0.60, 0.60]), // w5 w6 (-> o1), w7 w8 (-> o2); b2
        };
        var parameters = Parameters.Create(network, layers).ThrowIfFail();
        var batch = Batch.Create(network, [[0.05, 0.10]], [[0.01, 0.99]]).ThrowIfFail();
        return new WorkedExample(network, parameters, batch, LearningRate: 0.5);
    }
}
