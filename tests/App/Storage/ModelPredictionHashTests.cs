using System.Text;
using System.Text.Json.Nodes;
using Functional.NN.Data;
using Functional.NN.Experiments.Storage;
using Functional.NN.Model;
using Functional.NN.Tensors;
using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>
/// Format version 3: <c>metadata.prediction_hash</c> covers everything that changes a prediction, so an edited
/// standardizer, activation or layer is refused even when the envelope's checksum was recomputed after the edit.
/// </summary>
public sealed class ModelPredictionHashTests
{
    private static readonly Network Network = ModelFixtures.Classifier;
    private static readonly Parameters Parameters = ModelFixtures.ClassifierParameters;

    private static readonly Standardizer Statistics =
        Standardizer.Create(Tensor.RowVector([0.5, -1.25]), Tensor.RowVector([2.0, 0.75])).ThrowIfFail();

    private static JsonNode Payload() =>
        JsonNode.Parse(FinAssert.Succeeds(ChecksummedEnvelope.Unwrap("m",
            FinAssert.Succeeds(ModelFile.Encode(Network, Parameters, "e", Statistics)), ModelFile.Kind)).Payload)!;

    /// <summary>The edited payload in a fresh envelope: the checksum is right, only the content hash can tell.</summary>
    private static Fin<SavedModel> Rewrapped(JsonNode json, int version = ModelFile.Float64FormatVersion) =>
        ModelFile.Decode("edited.fnn", ChecksummedEnvelope.Wrap(ModelFile.Kind, version, Encoding.UTF8.GetBytes(json.ToJsonString())));

    [Fact]
    public void An_unedited_payload_loads_with_its_standardizer()
    {
        var loaded = FinAssert.Succeeds(Rewrapped(Payload()));
        Assert.Equal(Statistics, loaded.Standardizer.IfNoneUnsafe((Standardizer?)null));
        Assert.Equal(64, loaded.Metadata.PredictionHash!.Length);
    }

    [Fact]
    public void A_changed_standardizer_mean_is_refused_although_the_checksum_matches()
    {
        var json = Payload();
        json["input_standardizer"]!["mean"]!["float64_little_endian"] =
            Convert.ToBase64String([.. BitConverter.GetBytes(0.5), .. BitConverter.GetBytes(9.0)]);
        FinAssert.FailsWith(Rewrapped(json), "edited.fnn: ", "prediction hash", "differs from the stored", "the file was edited");
    }

    [Fact]
    public void A_removed_standardizer_or_a_changed_activation_is_refused()
    {
        var removed = Payload();
        removed["input_standardizer"] = null;
        FinAssert.FailsWith(Rewrapped(removed), "edited.fnn: ", "prediction hash");
        var activation = Payload();
        activation["network"]!["layers"]![0]!["activation"]!["name"] = "relu";
        FinAssert.FailsWith(Rewrapped(activation), "edited.fnn: ", "prediction hash");
    }

    [Fact]
    public void Version_2_files_still_load_and_version_3_needs_the_hash()
    {
        var version2 = Payload();
        Assert.True(version2["metadata"]!.AsObject().Remove("prediction_hash"));
        Assert.Equal(Statistics, FinAssert.Succeeds(Rewrapped(version2, 2)).Standardizer.IfNoneUnsafe((Standardizer?)null));
        FinAssert.FailsWith(Rewrapped(version2, 3), "edited.fnn: ", "format version 3 requires metadata.prediction_hash");
        FinAssert.FailsWith(Rewrapped(Payload(), 2), "edited.fnn: ", "format version 2 has no metadata.prediction_hash");
    }
}
