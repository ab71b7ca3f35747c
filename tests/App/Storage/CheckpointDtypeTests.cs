using System.Text;
using System.Text.Json.Nodes;
using Functional.NN.Activations;
using Functional.NN.Experiments.Storage;
using Functional.NN.Losses;
using Functional.NN.Model;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>
/// A checkpoint records its dtype: float64 ones keep the bytes they had before the key existed (no <c>dtype</c>), and a
/// stored dtype this build cannot resume is an error naming it.
/// </summary>
public sealed class CheckpointDtypeTests
{
    /// <summary>The network of <see cref="CheckpointFileTests.After"/>'s checkpoints.</summary>
    private static readonly Network Network =
        Network.Create(3, Loss.SoftmaxCrossEntropy, (4, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();

    private static JsonObject Payload(byte[] file) =>
        JsonNode.Parse(FinAssert.Succeeds(ChecksummedEnvelope.Unwrap("c", file, CheckpointFile.Kind)).Payload)!.AsObject();

    private static byte[] Rewrapped(JsonObject payload) =>
        ChecksummedEnvelope.Wrap(CheckpointFile.Kind, CheckpointFile.FormatVersion, Encoding.UTF8.GetBytes(payload.ToJsonString()));

    [Fact]
    public void A_float64_checkpoint_has_no_dtype_and_round_trips()
    {
        var checkpoint = CheckpointFileTests.After("adam", 5);
        var file = FinAssert.Succeeds(CheckpointFile.Encode(checkpoint));
        var payload = Payload(file);
        Assert.False(payload.ContainsKey("dtype"));
        Assert.DoesNotContain("float32_little_endian", payload.ToJsonString());
        Assert.Equal(checkpoint, FinAssert.Succeeds(CheckpointFile.Decode<double>("c", file, Network)));
        payload["dtype"] = "float64";
        Assert.Equal(checkpoint, FinAssert.Succeeds(CheckpointFile.Decode<double>("c", Rewrapped(payload), Network)));
    }

    [Theory]
    [InlineData("float32", "c: dtype: the checkpoint holds float32 parameters")]
    [InlineData("bfloat16", "c: dtype: expected \"float32\" or \"float64\", got \"bfloat16\"")]
    public void A_dtype_this_build_does_not_resume_is_an_error_naming_it(string dtype, string message)
    {
        var payload = Payload(FinAssert.Succeeds(CheckpointFile.Encode(CheckpointFileTests.After("sgd", 2))));
        payload["dtype"] = dtype;
        FinAssert.FailsWith(CheckpointFile.Decode<double>("c", Rewrapped(payload), Network), message);
    }
}
