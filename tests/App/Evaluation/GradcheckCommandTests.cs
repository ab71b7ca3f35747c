using Functional.NN.Activations;
using Functional.NN.App.Commands;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Experiments.Evaluation;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Randomness;
using Functional.NN.Verification;
using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.App.Evaluation;

/// <summary><c>fnn gradcheck</c>: passes on smooth networks, fails on a wrong derivative, and says why.</summary>
public sealed class GradcheckCommandTests : IDisposable
{
    private const string Moons = "generated:two_moons,count=20,noise=0.1,seed=1";
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_smooth_network_spec_passes_with_exit_code_zero_and_a_row_per_layer()
    {
        var run = CommandHarness.Run("gradcheck", "--layers", "2,8,1", "--activations", "tanh,sigmoid", "--loss", "bce",
            "--init", "xavier_uniform", "--seed", "1", "--data", Moons, "--batch", "4");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("network = 2-8-1 tanh,sigmoid bce", run.Output);
        Assert.Contains("xavier_uniform initialization, seed 1", run.Output);
        Assert.Contains("first 4 of 20 examples", run.Output);
        Assert.Matches(@"\n +1 +tanh +24 +0 ", run.Output);
        Assert.Matches(@"\n +2 +sigmoid +9 +0 ", run.Output);
        Assert.Contains("Result: PASSED, all 33 derivatives within tolerance.", run.Output);
        Assert.Empty(run.Error);
    }

    [Fact]
    public void A_saved_model_passes_and_its_source_is_named()
    {
        var network = SavedModels.Softmax;
        var path = SavedModels.Save(_directory.File("s.fnn"), network, SavedModels.Trained(network, steps: 3));

        var run = CommandHarness.Run("gradcheck", "--model", path, "--data", Moons);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"parameters of {path}", run.Output);
        Assert.Contains("first 8 of 20 examples", run.Output);
    }

    [Fact]
    public void A_wrong_custom_derivative_fails_with_exit_code_one_and_names_the_layer()
    {
        var wrongTanh = Activation.Custom("tanh_wrong", Math.Tanh, z => 1 - Math.Tanh(z));
        var network = Network.Create(2, Loss.BinaryCrossEntropy, (5, wrongTanh), (1, Activation.Sigmoid)).ThrowIfFail();
        var model = new ModelUnderCheck(network, Initializer.XavierUniform.Initialize(network, RandomKey.FromSeed(4)), "test");
        var source = DataSourceSpec.Parse(Moons).ThrowIfFail();
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = GradcheckCommand.Run(output, error, model, source, batch: 5, GradientCheckOptions.Default);

        Assert.Equal(1, code);
        var text = output.ToString();
        Assert.Contains("Result: FAILED", text);
        Assert.Contains("worst at layer 1 ", text);
        Assert.Matches(@"\n +1 +tanh_wrong +15 +[1-9]", text);
        Assert.Matches(@"\n +2 +sigmoid +6 +0 ", text);
        Assert.Empty(error.ToString());
    }

    [Fact]
    public void The_runner_reports_a_failed_check_as_a_value()
    {
        var wrongSigmoid = Activation.Custom("sigmoid_wrong", z => 1 / (1 + Math.Exp(-z)), z => 0.25);
        var network = Network.Create(2, Loss.MeanSquaredError, (3, wrongSigmoid), (1, Activation.Identity)).ThrowIfFail();
        var model = new ModelUnderCheck(network, Initializer.HeNormal.Initialize(network, RandomKey.FromSeed(1)), "test");
        var source = new GeneratedSource("circles", 6, 0.0, 2);

        var outcome = FinAssert.Succeeds(GradcheckRunner.Run(model, source, source.Load().ThrowIfFail(), 6, GradientCheckOptions.Default));

        Assert.False(outcome.Report.Passed);
        Assert.Equal(6, outcome.Batch.Size);
        Assert.False(outcome.Layers[0].Report.Passed);
        Assert.True(outcome.Layers[1].Report.Passed);
    }

    [Fact]
    public void Relu_at_its_kink_fails_on_isolated_elements_and_the_report_says_why()
    {
        // XOR's first example is (0, 0): with zero biases every first-layer pre-activation is exactly 0 there.
        var run = CommandHarness.Run("gradcheck", "--layers", "2,4,1", "--activations", "relu,sigmoid", "--loss", "bce",
            "--init", "he_uniform", "--data", "generated:xor,count=4");

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Contains("layer 1 (relu) has a kink at z = 0", run.Output);
        Assert.Contains("Result: FAILED", run.Output);
        Assert.Contains("worst at layer 1 b[", run.Output);
    }

    [Fact]
    public void Tolerances_are_options()
    {
        var loose = CommandHarness.Run("gradcheck", "--layers", "2,3,2", "--activations", "tanh,softmax", "--loss", "softmax_ce",
            "--data", Moons, "--eps", "1e-4", "--atol", "1e-3", "--rtol", "0.01");
        var impossible = CommandHarness.Run("gradcheck", "--layers", "2,3,2", "--activations", "tanh,softmax", "--loss", "softmax_ce",
            "--data", Moons, "--atol", "0", "--rtol", "0");

        Assert.True(loose.ExitCode == 0, loose.ToString());
        Assert.Contains("eps 0.0001, atol 0.001, rtol 0.01", loose.Output);
        Assert.Equal(1, impossible.ExitCode);
    }

    [Theory]
    [InlineData("--data", Moons)]
    [InlineData("--model", "m.fnn", "--layers", "2,1", "--data", Moons)]
    [InlineData("--model", "m.fnn", "--loss", "bce", "--data", Moons)]
    [InlineData("--layers", "2,8,1", "--activations", "tanh", "--loss", "bce", "--data", Moons)]
    [InlineData("--layers", "2,8,1", "--loss", "bce", "--data", Moons)]
    [InlineData("--layers", "2,8,2", "--activations", "softmax,softmax", "--loss", "softmax_ce", "--data", Moons)]
    [InlineData("--layers", "2,x,1", "--activations", "tanh,sigmoid", "--loss", "bce", "--data", Moons)]
    [InlineData("--layers", "2,8,1", "--activations", "tanh,swish", "--loss", "bce", "--data", Moons)]
    [InlineData("--layers", "2,8,1", "--activations", "tanh,sigmoid", "--loss", "bce", "--init", "magic", "--data", Moons)]
    [InlineData("--layers", "2,8,1", "--activations", "tanh,sigmoid", "--loss", "bce", "--data", Moons, "--eps", "0")]
    [InlineData("--layers", "2,8,1", "--activations", "tanh,sigmoid", "--loss", "bce", "--data", Moons, "--batch", "-3")]
    public void Usage_errors_exit_with_two_and_one_line(params string[] args)
    {
        var run = CommandHarness.Run(["gradcheck", .. args]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Single(run.ErrorLines);
    }

    [Fact]
    public void Data_that_does_not_fit_the_spec_and_a_too_large_batch_fail_with_one_line()
    {
        var mismatch = CommandHarness.Run("gradcheck", "--layers", "3,2,1", "--activations", "tanh,sigmoid", "--loss", "bce", "--data", Moons);
        var tooMany = CommandHarness.Run("gradcheck", "--layers", "2,2,1", "--activations", "tanh,sigmoid", "--loss", "bce",
            "--data", "generated:xor,count=4", "--batch", "5");

        Assert.Equal(1, mismatch.ExitCode);
        Assert.Contains("the model expects 3 input features, the data set 'two_moons' has 2", Assert.Single(mismatch.ErrorLines));
        Assert.Equal(1, tooMany.ExitCode);
        Assert.Contains("--batch 5 asks for more examples than the data set 'xor' has (4)", Assert.Single(tooMany.ErrorLines));
    }

    [Fact]
    public void Help_explains_kinks_and_the_tolerances()
    {
        var help = CommandHarness.Run("gradcheck", "--help");

        Assert.Equal(0, help.ExitCode);
        var flat = string.Join(" ", help.Output.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Kinks make finite differences unreliable", flat);
        Assert.Contains("eps 1e-6, atol 1e-5, rtol 1e-3", flat);
        Assert.Contains("Exit code 0 when every derivative passes, 1 when one fails, 2 for usage errors", flat);
    }
}
