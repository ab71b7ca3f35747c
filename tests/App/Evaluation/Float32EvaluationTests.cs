using System.Globalization;
using System.Text.Json;
using Functional.NN.Data;
using Functional.NN.Experiments;
using Functional.NN.Experiments.Data.Generated;
using Functional.NN.Experiments.Storage;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.App.Evaluation;

/// <summary>
/// <c>fnn evaluate</c> and <c>fnn predict</c> run a float32 model in float32: their numbers are those of the float32 forward
/// pass and loss in process, which differ from the float64 pass on the same (widened) parameters.
/// </summary>
public sealed class Float32EvaluationTests : IDisposable
{
    private const string Moons = "generated:two_moons,count=40,noise=0.2,seed=9";
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    private static Parameters<float> Floats(Network network) =>
        Parameters<float>.Create(network, SavedModels.Trained(network).Layers.Select(l => new LayerTensors<float>(l.Weights.Convert<float>(), l.Bias.Convert<float>())))
            .ThrowIfFail();

    private static Dataset Data(int targetColumns)
    {
        var moons = GeneratedDatasets.Generate("two_moons", 40, 0.2, 9).ThrowIfFail();
        var targets = targetColumns == 1 ? Tensor.Build(moons.Count, 1, (r, _) => moons.Targets[r, 1]) : moons.Targets;
        return Dataset.Create(moons.Features.ToTensor(), targets).ThrowIfFail();
    }

    [Fact]
    public void Evaluate_reports_the_float32_loss_and_accuracy_computed_in_process()
    {
        var network = SavedModels.Softmax;
        var parameters = Floats(network);
        var path = _directory.File("f32.fnn");
        ModelFile.Save(path, network, parameters, "f32").ThrowIfFail();

        var run = CommandHarness.Run("evaluate", path, "--data", Moons, "--json");

        Assert.True(run.ExitCode == 0, run.ToString());
        var data = Data(2);
        var batch = Batch<float>.Create(network, data.Features.Convert<float>(), data.Targets.Convert<float>()).ThrowIfFail();
        var expectedLoss = (double)ForwardPass.Loss(network, parameters, batch);
        var outputs = ForwardPass.Predict(network, parameters, batch.Inputs).Convert<double>();
        var expectedAccuracy = Accuracy.OfOutputs(network, outputs, data.Targets).ThrowIfFail();
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(expectedLoss, json.RootElement.GetProperty("loss").GetDouble());
        Assert.Equal(expectedAccuracy, json.RootElement.GetProperty("accuracy").GetDouble());
        var widened = parameters.Convert<double>();
        Assert.NotEqual(ForwardPass.Loss(network, widened, data.ToBatch(network).ThrowIfFail()), expectedLoss);
    }

    [Fact]
    public void Predict_writes_the_float32_outputs_as_floats()
    {
        var network = SavedModels.Softmax;
        var parameters = Floats(network);
        var path = _directory.File("f32.fnn");
        ModelFile.Save(path, network, parameters, "f32").ThrowIfFail();
        var csv = _directory.File("p.csv");

        var run = CommandHarness.Run("predict", path, "--data", Moons, "--out", csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        var expected = ForwardPass.Predict(network, parameters, Data(2).Features.Convert<float>());
        var lines = File.ReadAllLines(csv);
        for (var r = 0; r < 40; r++)
        {
            var fields = lines[r + 1].Split(',');
            for (var j = 0; j < 2; j++)
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[r, j]), BitConverter.SingleToInt32Bits(float.Parse(fields[1 + j], CultureInfo.InvariantCulture)));
        }
    }

    [Fact]
    public void Trained_model_predict_of_a_float32_model_is_the_float32_forward_pass()
    {
        var network = SavedModels.Softmax;
        var parameters = Floats(network);
        var model = FinAssert.Succeeds(TrainedModel.Create(network, parameters, "f32"));
        var inputs = Data(2).Features;
        var outputs = FinAssert.Succeeds(model.Predict(inputs));
        Assert.Equal(ForwardPass.Predict(network, parameters, inputs.Convert<float>()).Convert<double>(), outputs);
    }
}
