using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Experiments;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Experiments.Evaluation;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.App.Api;

/// <summary>The public <see cref="TrainedModel"/>: the model file from code, and predictions with the standardizer applied.</summary>
public sealed class TrainedModelTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static readonly Network Xor =
        Network.Create(2, Loss.BinaryCrossEntropy, (4, Activation.Tanh), (1, Activation.Sigmoid)).ThrowIfFail();

    private static Parameters Initial => Initializer.XavierUniform.Initialize(Xor, RandomKey.FromSeed(3));

    [Fact]
    public void A_saved_model_loads_back_with_the_same_numbers_and_predictions()
    {
        var standardizer = Standardizer.Create(Tensor.RowVector([0.5, 0.25]), Tensor.RowVector([2.0, 4.0])).ThrowIfFail();
        var model = FinAssert.Succeeds(TrainedModel.Create(Xor, Initial, standardizer, "xor-in-code"));
        var path = _directory.File("model.fnn");

        FinAssert.Succeeds(model.Save(path));
        var loaded = FinAssert.Succeeds(TrainedModel.Load(path));

        Assert.Equal(Initial, Assert.IsType<TrainedModel<double>>(loaded).Parameters);
        Assert.Equal("xor-in-code", loaded.Experiment);
        Assert.Equal(Xor.ToString(), loaded.Network.ToString());
        var inputs = Tensor.FromRows([[0.0, 0.0], [1.0, 1.0]]).ThrowIfFail();
        Assert.Equal(FinAssert.Succeeds(model.Predict(inputs)).ToArray(), FinAssert.Succeeds(loaded.Predict(inputs)).ToArray());
    }

    [Fact]
    public void Safetensors_from_code_round_trip_the_numbers_and_the_standardizer_bit_for_bit()
    {
        var standardizer = Standardizer.Create(Tensor.RowVector([0.5, 0.25]), Tensor.RowVector([2.0, 4.0])).ThrowIfFail();
        var model = FinAssert.Succeeds(TrainedModel.Create(Xor, Initial, standardizer, "xor-in-code"));
        var path = _directory.File("model.safetensors");

        FinAssert.Succeeds(model.SaveSafetensors(path));
        var loaded = FinAssert.Succeeds(TrainedModel.LoadSafetensors(path, Xor));

        Assert.Equal(Initial, Assert.IsType<TrainedModel<double>>(loaded).Parameters);
        Assert.Equal("xor-in-code", loaded.Experiment);
        var inputs = Tensor.FromRows([[0.0, 0.0], [1.0, 1.0]]).ThrowIfFail();
        Assert.Equal(FinAssert.Succeeds(model.Predict(inputs)).ToArray(), FinAssert.Succeeds(loaded.Predict(inputs)).ToArray());
    }

    [Fact]
    public void Safetensors_for_another_network_are_refused_with_the_shapes()
    {
        var path = _directory.File("model.safetensors");
        FinAssert.Succeeds(FinAssert.Succeeds(TrainedModel.Create(Xor, Initial, "xor")).SaveSafetensors(path));
        var wider = Network.Create(2, Loss.BinaryCrossEntropy, (5, Activation.Tanh), (1, Activation.Sigmoid)).ThrowIfFail();

        FinAssert.FailsWith(TrainedModel.LoadSafetensors(path, wider), "layers.0.weight");
    }

    [Fact]
    public void Predict_standardizes_raw_inputs_first()
    {
        var standardizer = Standardizer.Create(Tensor.RowVector([1.0, -1.0]), Tensor.RowVector([2.0, 0.5])).ThrowIfFail();
        var model = FinAssert.Succeeds(TrainedModel.Create(Xor, Initial, standardizer, "s"));

        var predicted = FinAssert.Succeeds(model.Predict(Tensor.FromRows([[3.0, 0.0]]).ThrowIfFail()));

        // (3 - 1)/2 = 1 and (0 + 1)/0.5 = 2: the network sees [1, 2].
        var expected = ForwardPass.Predict(Xor, Initial, Tensor.FromRows([[1.0, 2.0]]).ThrowIfFail());
        Assert.Equal(expected[0, 0], predicted[0, 0]);
        Assert.NotEqual(ForwardPass.Predict(Xor, Initial, Tensor.FromRows([[3.0, 0.0]]).ThrowIfFail())[0, 0], predicted[0, 0]);
    }

    [Fact]
    public void Predict_on_loaded_data_gives_the_numbers_fnn_predict_writes()
    {
        var path = _directory.File("m.fnn");
        FinAssert.Succeeds(FinAssert.Succeeds(TrainedModel.Create(Xor, Initial, "m")).Save(path));
        var data = FinAssert.Succeeds(Datasets.Generated("xor", count: 12, noise: 0.1, seed: 4));

        var predicted = FinAssert.Succeeds(FinAssert.Succeeds(TrainedModel.Load(path)).Predict(data));

        var csv = PredictionsFile.Text(FinAssert.Succeeds(ModelAndData.Load(path, new GeneratedSource("xor", 12, 0.1, 4))));
        var written = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(line => double.Parse(line.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(12, written.Length);
        Assert.Equal(written, Enumerable.Range(0, 12).Select(r => predicted[r, 0]));
    }

    [Fact]
    public void Evaluate_reports_the_loss_and_accuracy_of_the_core()
    {
        var model = FinAssert.Succeeds(TrainedModel.Create(Xor, Initial, "m"));
        var data = FinAssert.Succeeds(Datasets.Generated("xor", count: 20, seed: 1));

        var score = FinAssert.Succeeds(model.Evaluate(data));

        var examples = FinAssert.Succeeds(data.For(Xor));
        Assert.Equal(ForwardPass.Loss(Xor, Initial, examples.ToBatch(Xor).ThrowIfFail()), score.Loss);
        Assert.Equal(Accuracy.Of(Xor, Initial, examples).ThrowIfFail(), score.Accuracy);
        Assert.Equal(20, score.Examples);
    }

    [Fact]
    public void Mismatches_are_errors_naming_both_sizes()
    {
        var other = Network.Create(3, Loss.MeanSquaredError, (1, Activation.Identity)).ThrowIfFail();
        FinAssert.FailsWith(TrainedModel.Create(other, Initial, "m"), "do not fit network");
        var threeFeatures = Standardizer.Create(Tensor.RowVector([0.0, 0.0, 0.0]), Tensor.RowVector([1.0, 1.0, 1.0])).ThrowIfFail();
        FinAssert.FailsWith(TrainedModel.Create(Xor, Initial, threeFeatures, "m"), "3 features", "2 inputs");
        var model = FinAssert.Succeeds(TrainedModel.Create(Xor, Initial, "m"));
        FinAssert.FailsWith(model.Predict(Tensor.Zeros(1, 3)), "expects 2 input features, got 3");
    }

    [Fact]
    public void Loading_a_missing_or_foreign_file_is_an_error_naming_it()
    {
        var missing = _directory.File("none.fnn");
        Assert.StartsWith(missing, FinAssert.Fails(TrainedModel.Load(missing)));
        var text = _directory.File("text.fnn");
        File.WriteAllText(text, "hello");
        Assert.StartsWith(text, FinAssert.Fails(TrainedModel.Load(text)));
    }

    public void Dispose() => _directory.Dispose();
}
