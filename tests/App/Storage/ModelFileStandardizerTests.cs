using System.Text;
using System.Text.Json.Nodes;
using Functional.NN.Experiments.Storage;
using Functional.NN.Data;
using Functional.NN.Model;
using Functional.NN.Tensors;
using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>
/// Model files carry the input standardizer the network was trained with (format version 2): exact round
/// trips, version 1 files still load, and a damaged or inconsistent standardizer is an error.
/// </summary>
public sealed class ModelFileStandardizerTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    private static readonly Network Network = ModelFixtures.Classifier;
    private static readonly Parameters Parameters = ModelFixtures.ClassifierParameters;

    /// <summary>Statistics with awkward bits: negative zero, a subnormal scale, 0.1 + 0.2.</summary>
    public static Standardizer Awkward { get; } =
        Standardizer.Create(Tensor.RowVector([-0.0, 0.1 + 0.2]), Tensor.RowVector([double.Epsilon, 1.0 / 3.0])).ThrowIfFail();

    private static byte[] Payload(byte[] file) => FinAssert.Succeeds(ChecksummedEnvelope.Unwrap("m", file, ModelFile.Kind)).Payload;

    private static Fin<SavedModel> Rewrapped(int version, JsonNode json) =>
        ModelFile.Decode("edited.fnn", ChecksummedEnvelope.Wrap(ModelFile.Kind, version, Encoding.UTF8.GetBytes(json.ToJsonString())));

    /// <summary>The payload as version 2 wrote it: this build's without <c>metadata.prediction_hash</c> (version 3).</summary>
    private static JsonNode Json(Option<Standardizer> standardizer)
    {
        var json = JsonNode.Parse(Payload(FinAssert.Succeeds(ModelFile.Encode(Network, Parameters, "e", standardizer))))!;
        Assert.True(json["metadata"]!.AsObject().Remove("prediction_hash"));
        return json;
    }

    /// <summary>The JSON of a <c>[1 x 3]</c> row of ones.</summary>
    private static JsonObject Tensor3()
    {
        var document = TensorEncoding.Encode(Tensor.Filled(1, 3, 1.0));
        return new JsonObject { ["rows"] = document.Rows, ["columns"] = document.Columns, ["float64_little_endian"] = document.Float64LittleEndian };
    }

    [Fact]
    public void A_model_with_a_standardizer_saves_and_loads_equal_bit_for_bit()
    {
        var path = _directory.File("standardized.fnn");
        FinAssert.Succeeds(ModelFile.Save(path, Network, Parameters, "moons", Awkward));
        var loaded = FinAssert.Succeeds(ModelFile.Load(path).Bind(m => m.As<double>()));
        Assert.Equal((Network, Parameters), (loaded.Network, loaded.Parameters));
        var standardizer = Assert.Single(loaded.Standardizer.ToSeq());
        Assert.Equal(Awkward, standardizer);
        Assert.Equal(Awkward.Mean.ContentHash(), standardizer.Mean.ContentHash());
        Assert.True(double.IsNegative(standardizer.Mean[0, 0]), "-0.0 keeps its sign");
        Assert.Equal(double.Epsilon, standardizer.Scale[0, 0]);
        Assert.Equal(FinAssert.Succeeds(ModelFile.Encode(Network, Parameters, "moons", Awkward)), File.ReadAllBytes(path));
    }

    [Fact]
    public void Version_2_writes_the_standardizer_or_null_and_a_model_without_one_loads_with_none()
    {
        var file = FinAssert.Succeeds(ModelFile.Encode(Network, Parameters, "e"));
        Assert.Equal(ModelFile.Float64FormatVersion, FinAssert.Succeeds(ChecksummedEnvelope.Unwrap("m", file, ModelFile.Kind)).FormatVersion);
        Assert.Contains("\"input_standardizer\": null", Encoding.UTF8.GetString(Payload(file)));
        Assert.True(FinAssert.Succeeds(ModelFile.Decode("m", file)).Standardizer.IsNone);
        var json = Json(Awkward)["input_standardizer"]!;
        Assert.Equal(2, json["mean"]!["columns"]!.GetValue<int>());
        Assert.Equal(1, json["scale"]!["rows"]!.GetValue<int>());
    }

    [Fact]
    public void A_version_1_file_without_preprocessing_still_loads()
    {
        var json = Json(Option<Standardizer>.None).AsObject();
        Assert.True(json.Remove("input_standardizer"));
        var loaded = FinAssert.Succeeds(Rewrapped(1, json).Bind(m => m.As<double>()));
        Assert.Equal((Network, Parameters), (loaded.Network, loaded.Parameters));
        Assert.True(loaded.Standardizer.IsNone);
    }

    [Fact]
    public void A_version_1_file_may_not_hold_a_standardizer() =>
        FinAssert.FailsWith(Rewrapped(1, Json(Awkward)), "edited.fnn: ", "format version 1 has no input_standardizer");

    [Fact]
    public void Any_flipped_byte_in_the_standardizer_section_is_a_checksum_error()
    {
        var file = FinAssert.Succeeds(ModelFile.Encode(Network, Parameters, "e", Awkward));
        var at = Encoding.UTF8.GetString(file).IndexOf("\"input_standardizer\"", StringComparison.Ordinal);
        Assert.True(at > 0);
        foreach (var offset in new[] { at, at + 40, at + 120, file.Length - 40, file.Length - 3 })
        {
            var damaged = (byte[])file.Clone();
            damaged[offset] ^= 0x04;
            FinAssert.FailsWith(ModelFile.Decode("damaged.fnn", damaged), "damaged.fnn: checksum mismatch, the file is corrupted");
        }
    }

    [Fact]
    public void A_standardizer_that_does_not_fit_or_has_bad_numbers_is_an_error_naming_it()
    {
        var wrongWidth = Standardizer.Create(Tensor.RowVector([0.0, 1.0, 2.0]), Tensor.RowVector([1.0, 1.0, 1.0])).ThrowIfFail();
        FinAssert.FailsWith(ModelFile.Encode(Network, Parameters, "e", wrongWidth), "the input standardizer has 3 features", "takes 2 inputs");

        var edited = Json(Awkward);
        edited["input_standardizer"]!["mean"] = Tensor3();
        FinAssert.FailsWith(Rewrapped(2, edited), "edited.fnn: ", "input standardizer:", "scale must have the shape of mean [1 x 3], got [1 x 2]");

        var both = Json(Awkward);
        both["input_standardizer"] = new JsonObject { ["mean"] = Tensor3(), ["scale"] = Tensor3() };
        FinAssert.FailsWith(Rewrapped(2, both), "edited.fnn: input standardizer: it has 3 features, the network 2-3-2", "takes 2 inputs");

        var zeroScale = Json(Awkward);
        zeroScale["input_standardizer"]!["scale"]!["float64_little_endian"] = Convert.ToBase64String(new byte[16]);
        FinAssert.FailsWith(Rewrapped(2, zeroScale), "edited.fnn: input standardizer: scale must be finite and positive, it is not at feature(s) 1, 2");

        var shortData = Json(Awkward);
        shortData["input_standardizer"]!["mean"]!["float64_little_endian"] = Convert.ToBase64String(new byte[8]);
        FinAssert.FailsWith(Rewrapped(2, shortData), "edited.fnn: input standardizer mean: shape [1 x 2] needs 16 bytes");

        var unknown = Json(Awkward);
        unknown["input_standardizer"]!["offset"] = 1;
        FinAssert.FailsWith(Rewrapped(2, unknown), "edited.fnn: invalid model payload at $.input_standardizer");
    }
}
