using Functional.NN.Activations;
using Functional.NN.Experiments.Storage;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>A checkpoint's optimizer state of float32 moments is stored as float32 and read back as the same float32 state.</summary>
public sealed class Float32OptimizerStateTests
{
    private static readonly Network Network =
        Network.Create(3, Loss.SoftmaxCrossEntropy, (4, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();

    private static Parameters<float> Floats { get; } = Parameters.Zeros(Network).Map(t => Functional.NN.Tensors.Tensor<double>.Build(t.Rows, t.Columns, (r, c) => 0.1 * (r - c) + 1e-3)).Convert<float>();

    private static Gradients<float> Tree(float scale) => new(Floats.Map(t => t.Map(x => x * scale + 1f / 3f)).Layers);

    public static TheoryData<string> States => ["adam", "momentum", "rms", "chain"];

    private static OptimizerState StateNamed(string name) => name switch
    {
        "adam" => new AdamState<float>(7, Tree(0.5f), Tree(-0.25f)),
        "momentum" => new MomentumState<float>(3, Tree(2f)),
        "rms" => new RmsState<float>(9, Tree(1e-30f)),
        _ => new ChainState([new CountState(4), new AdamState<float>(1, Tree(1f), Tree(3f))]),
    };

    [Theory]
    [MemberData(nameof(States))]
    public void A_float32_state_round_trips_through_its_text_as_float32(string name)
    {
        var state = StateNamed(name);
        var document = FinAssert.Succeeds(CheckpointOptimizerState.Encode<float>(state));
        var text = System.Text.Json.JsonSerializer.Serialize(document, StorageJsonContext.Default.OptimizerStateDocument);
        Assert.Contains("float32_little_endian", text);
        Assert.DoesNotContain("float64_little_endian", text);
        var read = System.Text.Json.JsonSerializer.Deserialize(text, StorageJsonContext.Default.OptimizerStateDocument)!;
        var decoded = FinAssert.Succeeds(CheckpointOptimizerState.Decode(read, Floats, "optimizer_state"));
        Assert.Equal(state, decoded);
    }

    [Fact]
    public void Float32_moments_read_as_float64_are_an_error_naming_the_tree()
    {
        var document = FinAssert.Succeeds(CheckpointOptimizerState.Encode<float>(StateNamed("adam")));
        var text = System.Text.Json.JsonSerializer.Serialize(document, StorageJsonContext.Default.OptimizerStateDocument);
        var read = System.Text.Json.JsonSerializer.Deserialize(text, StorageJsonContext.Default.OptimizerStateDocument)!;
        FinAssert.FailsWith(CheckpointOptimizerState.Decode(read, Floats.Convert<double>(), "optimizer_state"),
            "optimizer_state.mu[0].weights: holds float32_little_endian, expected float64_little_endian");
    }
}
