using Functional.NN.Activations;
using Functional.NN.Experiments.Runs;
using Functional.NN.Experiments.Storage;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Functional.NN.Tests.App.Storage;
using Xunit;

namespace Functional.NN.Tests.App.Runs;

/// <summary>
/// The per-layer columns of <c>metrics.csv</c> (<see cref="GradientProbe"/>, <see cref="MetricsCsv"/>): gradient norms
/// as Core's backward pass gives them, dead-ReLU fractions counted exactly, and rows of checkpoints written before the
/// columns existed still load, resume and print with empty fields.
/// </summary>
public sealed class LayerHealthMetricsTests
{
    private static readonly Network Relu = Network.Create(2, Loss.SoftmaxCrossEntropy,
        (4, Activation.Relu), (3, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();

    [Fact]
    public void Gradient_norms_are_the_norms_of_the_backward_pass_weight_gradients()
    {
        var parameters = ModelFixtures.Counting(Relu, 0.1);
        var batch = Batch.Create(Relu, [[0.5, -1.0], [2.0, 0.25], [-1.5, 1.0]], [[1, 0], [0, 1], [1, 0]]).ThrowIfFail();
        var gradients = Backpropagation.Gradient(Relu, parameters, batch);

        var health = GradientProbe.Measure(Relu, parameters, batch);

        for (var l = 0; l < 3; l++)
        {
            var squares = gradients[l].Weights.Span.ToArray().Sum(g => g * g);
            Assert.Equal(Math.Sqrt(squares), health.GradientNorms[l], 14);
        }
        Assert.Equal(new double?[] { 0.0, null, null }, health.DeadRelu.ToArray());
    }

    [Fact]
    public void A_unit_is_dead_when_it_is_zero_on_every_probe_example()
    {
        // Units 1 and 3 have bias -100: 0 on every example. Unit 2 is 0 on one example only: alive.
        var parameters = Parameters.Create(Relu, new (double[][], double[])[]
        {
            ([[1, 0], [1, 0], [0, 1], [0, 0]], [-100, 0, -100, 1]),
            ([[0.1, 0.2, 0.3, 0.4], [0.1, 0.2, 0.3, 0.4], [0.1, 0.2, 0.3, 0.4]], [0, 0, 0]),
            ([[1, 1, 1], [1, -1, 1]], [0, 0]),
        }).ThrowIfFail();
        var batch = Batch.Create(Relu, [[1.0, 1.0], [-1.0, 2.0]], [[1, 0], [0, 1]]).ThrowIfFail();

        Assert.Equal(0.5, GradientProbe.Measure(Relu, parameters, batch).DeadRelu[0]);
    }

    [Fact]
    public void Rows_without_per_layer_numbers_keep_the_old_header_and_leave_the_fields_empty_beside_new_rows()
    {
        var old = new MetricsRow(1, 10, 0.5, 0.25, 0.75, 0.01, 1.5);
        Assert.Equal(MetricsCsv.Header + "\n" + "1,10,0.5,0.25,0.75,0.01,1.500\n", MetricsCsv.Text([old]));

        var measured = old with { Epoch = 2, Step = 20, Health = new LayerHealth([0.125, 2e-7, 3.0], [0.5, null, null]) };
        Assert.Equal(
            "epoch,step,train_loss,val_loss,val_accuracy,learning_rate,grad_norm_1,grad_norm_2,grad_norm_3,dead_relu_1,seconds\n" +
            "1,10,0.5,0.25,0.75,0.01,,,,,1.500\n" +
            "2,20,0.5,0.25,0.75,0.01,0.125,2E-07,3,0.5,1.500\n",
            MetricsCsv.Text([old, measured]));
    }

    [Fact]
    public void Checkpoints_round_trip_the_per_layer_numbers_and_rows_without_them_are_stored_as_before()
    {
        var checkpoint = CheckpointFileTests.After("adam", 2);
        var withHealth = checkpoint with { Metrics = [checkpoint.Metrics[0], checkpoint.Metrics[1] with { Health = new LayerHealth([1e-300, 0.5], [0.25, null]) }] };

        var bytes = FinAssert.Succeeds(CheckpointFile.Encode(withHealth));
        var read = FinAssert.Succeeds(CheckpointFile.Decode<double>("c.ckpt", bytes, ModelNetwork()));
        Assert.Equal(withHealth, read);

        var oldStyle = System.Text.Encoding.UTF8.GetString(FinAssert.Succeeds(CheckpointFile.Encode(checkpoint)));
        Assert.DoesNotContain("grad_norms", oldStyle);
        Assert.DoesNotContain("dead_relu", oldStyle);
        Assert.Null(FinAssert.Succeeds(CheckpointFile.Decode<double>("c.ckpt", FinAssert.Succeeds(CheckpointFile.Encode(checkpoint)), ModelNetwork())).Metrics[0].Health);
    }

    private static Network ModelNetwork() =>
        Network.Create(3, Loss.SoftmaxCrossEntropy, (4, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();
}
