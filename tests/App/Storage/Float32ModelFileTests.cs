using System.Text;
using System.Text.Json.Nodes;
using Functional.NN.Experiments;
using Functional.NN.Experiments.Storage;
using Functional.NN.Model;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>
/// Float32 model files (format version 4, <c>"dtype": "float32"</c>, 4-byte numbers) round trip bit for bit and read back as
/// float32 models; float64 files stay version 3 with no dtype, as every file written before float32 existed.
/// </summary>
public sealed class Float32ModelFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    private static readonly Network Network = ModelFixtures.Classifier;

    /// <summary>Negative zero, the smallest subnormal, the largest float, 0.1f + 0.2f, 1/3, and numbers a double would print differently.</summary>
    public static Parameters<float> Floats { get; } = Parameters<float>.Create(Network,
    [
        (new[] { new[] { -0.0f, float.Epsilon }, [float.MaxValue, 0.1f + 0.2f], [-1.17549435e-38f, 1f / 3f] }, new[] { 0f, -float.Epsilon, MathF.PI }),
        (new[] { new[] { 1f, -1f, 2.5e-8f }, [MathF.E, -0f, 16777215f] }, new[] { -0.5f, 0.25f }),
    ]).ThrowIfFail();

    private static int[] Bits(Parameters<float> parameters) =>
        [.. parameters.Layers.SelectMany(l => l.Weights.ToArray().Concat(l.Bias.ToArray())).Select(BitConverter.SingleToInt32Bits)];

    private static JsonObject Payload(byte[] file) =>
        JsonNode.Parse(FinAssert.Succeeds(ChecksummedEnvelope.Unwrap("m", file, ModelFile.Kind)).Payload)!.AsObject();

    [Fact]
    public void A_float32_model_round_trips_bit_for_bit_as_float32()
    {
        var path = _directory.File("f32.fnn");
        FinAssert.Succeeds(ModelFile.Save(path, Network, Floats, "f32"));
        var loaded = Assert.IsType<SavedModel<float>>(FinAssert.Succeeds(ModelFile.Load(path)));
        Assert.Equal(ElementType.Float32, loaded.ElementType);
        Assert.Equal(Bits(Floats), Bits(loaded.Parameters));
        Assert.Equal(Floats.ContentHash(), loaded.Parameters.ContentHash());
        Assert.Equal(File.ReadAllBytes(path), FinAssert.Succeeds(ModelFile.Encode(Network, loaded.Parameters, "f32")));
    }

    [Fact]
    public void A_float32_file_is_version_4_with_dtype_and_four_bytes_per_number()
    {
        var file = FinAssert.Succeeds(ModelFile.Encode(Network, Floats, "f32"));
        Assert.Equal(4, FinAssert.Succeeds(ChecksummedEnvelope.Unwrap("m", file, ModelFile.Kind)).FormatVersion);
        var payload = Payload(file);
        Assert.Equal("float32", (string?)payload["dtype"]);
        var weights = payload["parameters"]![0]!["weights"]!.AsObject();
        Assert.False(weights.ContainsKey("float64_little_endian"));
        Assert.Equal(6 * sizeof(float), Convert.FromBase64String((string)weights["float32_little_endian"]!).Length);
    }

    [Fact]
    public void A_float64_file_is_version_3_without_dtype_or_float32_data()
    {
        var file = FinAssert.Succeeds(ModelFile.Encode(Network, ModelFixtures.ClassifierParameters, "f64"));
        Assert.Equal(3, FinAssert.Succeeds(ChecksummedEnvelope.Unwrap("m", file, ModelFile.Kind)).FormatVersion);
        var text = Encoding.UTF8.GetString(FinAssert.Succeeds(ChecksummedEnvelope.Unwrap("m", file, ModelFile.Kind)).Payload);
        Assert.DoesNotContain("dtype", text);
        Assert.DoesNotContain("float32", text);
        Assert.Equal(["network", "parameters", "metadata", "input_standardizer"], Payload(file).Select(p => p.Key));
        Assert.IsType<SavedModel<double>>(FinAssert.Succeeds(ModelFile.Decode("f64", file)));
    }

    [Fact]
    public void Trained_model_load_gives_a_float32_model_that_saves_as_float32()
    {
        var path = _directory.File("f32.fnn");
        FinAssert.Succeeds(ModelFile.Save(path, Network, Floats, "f32"));
        var model = Assert.IsType<TrainedModel<float>>(FinAssert.Succeeds(TrainedModel.Load(path)));
        Assert.Equal(ElementType.Float32, model.ElementType);
        var again = _directory.File("again.fnn");
        FinAssert.Succeeds(model.Save(again));
        Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(again));
    }

    private static LanguageExt.Fin<SavedModel> Rewrapped(int version, JsonObject payload) =>
        ModelFile.Decode("edited.fnn", ChecksummedEnvelope.Wrap(ModelFile.Kind, version, Encoding.UTF8.GetBytes(payload.ToJsonString())));

    [Fact]
    public void A_dtype_in_a_version_3_file_is_an_error()
    {
        var payload = Payload(FinAssert.Succeeds(ModelFile.Encode(Network, Floats, "f32")));
        FinAssert.FailsWith(Rewrapped(3, payload), "edited.fnn: invalid model payload: format version 3 has no dtype");
    }

    [Fact]
    public void An_unknown_dtype_is_an_error_naming_it()
    {
        var payload = Payload(FinAssert.Succeeds(ModelFile.Encode(Network, Floats, "f32")));
        payload["dtype"] = "float16";
        FinAssert.FailsWith(Rewrapped(4, payload), "edited.fnn: dtype: expected \"float32\" or \"float64\", got \"float16\"");
    }

    [Fact]
    public void Float64_data_in_a_float32_file_is_an_error_naming_the_tensor()
    {
        var payload = Payload(FinAssert.Succeeds(ModelFile.Encode(Network, ModelFixtures.ClassifierParameters, "f64")));
        payload["dtype"] = "float32";
        FinAssert.FailsWith(Rewrapped(4, payload),
            "edited.fnn: layer 1 weights: holds float64_little_endian, expected float32_little_endian (the file's dtype is float32)");
    }

    [Fact]
    public void A_version_4_file_without_dtype_reads_as_float64()
    {
        var payload = Payload(FinAssert.Succeeds(ModelFile.Encode(Network, ModelFixtures.ClassifierParameters, "f64")));
        var model = Assert.IsType<SavedModel<double>>(FinAssert.Succeeds(Rewrapped(4, payload)));
        Assert.Equal(ModelFixtures.ClassifierParameters, model.Parameters);
    }

    [Fact]
    public void The_prediction_hash_tells_a_float32_model_from_its_float64_widening()
    {
        var widened = Floats.Layers.Select(l => new LayerTensors(l.Weights.Convert<double>(), l.Bias.Convert<double>()));
        var doubles = Parameters.Create(Network, widened).ThrowIfFail();
        var network = FinAssert.Succeeds(ModelDocumentMapping.ToDocument(Network, doubles, "x", default)).Network;
        Assert.NotEqual(PredictionHash.Of(network, doubles, default), PredictionHash.Of(network, Floats, default));
    }
}
