using System.Collections.Immutable;
using System.Text;
using Functional.NN.Activations;
using Functional.NN.Experiments.Storage;
using Functional.NN.Losses;
using Functional.NN.Model;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>Model files: exact round trips, and a clear error for each way a file can be wrong.</summary>
public sealed class ModelFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    private static readonly Network Network = ModelFixtures.Classifier;
    private static readonly Parameters Parameters = ModelFixtures.ClassifierParameters;

    [Fact]
    public void Save_then_load_gives_equal_network_parameters_and_content_hash()
    {
        var path = _directory.File("xor.fnn");
        FinAssert.Succeeds(ModelFile.Save(path, Network, Parameters, "xor-experiment"));
        var loaded = FinAssert.Succeeds(ModelFile.Load(path).Bind(m => m.As<double>()));
        Assert.Equal(Network, loaded.Network);
        Assert.Equal(Parameters, loaded.Parameters);
        Assert.Equal(Parameters.ContentHash(), loaded.Parameters.ContentHash());
        Assert.Equal(new ModelMetadata(LibraryVersion.Current, "xor-experiment", Parameters.ContentHash(),
            PredictionHash.Of(FinAssert.Succeeds(ModelDocumentMapping.ToDocument(Network, Parameters, "x", default)).Network, Parameters, default)), loaded.Metadata);
        Assert.True(double.IsNegative(loaded.Parameters[0].Weights[0, 0]), "-0.0 keeps its sign");
    }

    [Fact]
    public void A_deeper_regression_network_round_trips()
    {
        var network = ModelFixtures.Regressor;
        var parameters = ModelFixtures.Counting(network);
        var loaded = FinAssert.Succeeds(ModelFile.Decode("r", FinAssert.Succeeds(ModelFile.Encode(network, parameters, "r"))).Bind(m => m.As<double>()));
        Assert.Equal((network, parameters), (loaded.Network, loaded.Parameters));
    }

    [Fact]
    public void Saving_is_deterministic()
    {
        var first = FinAssert.Succeeds(ModelFile.Encode(Network, Parameters, "e"));
        var second = FinAssert.Succeeds(ModelFile.Encode(Network, Parameters, "e"));
        Assert.Equal(first, second);
    }

    [Fact]
    public void The_payload_is_readable_json_naming_activations_and_loss()
    {
        var contents = FinAssert.Succeeds(ChecksummedEnvelope.Unwrap("m", FinAssert.Succeeds(ModelFile.Encode(Network, Parameters, "e")), ModelFile.Kind));
        var json = Encoding.UTF8.GetString(contents.Payload);
        Assert.Equal(ModelFile.Float64FormatVersion, contents.FormatVersion);
        foreach (var fragment in new[] { "\"input_size\": 2", "\"name\": \"tanh\"", "\"name\": \"softmax_ce\"",
                                         "\"float64_little_endian\"", "\"parameters_content_hash\"", "\"experiment\": \"e\"" })
            Assert.Contains(fragment, json);
    }

    [Fact]
    public void Saving_replaces_an_existing_file()
    {
        var path = _directory.File("m.fnn");
        FinAssert.Succeeds(ModelFile.Save(path, Network, Parameters, "first"));
        FinAssert.Succeeds(ModelFile.Save(path, Network, Parameters.Map(t => t.Map(x => x / 2)), "second"));
        Assert.Equal("second", FinAssert.Succeeds(ModelFile.Load(path)).Metadata.Experiment);
        Assert.Equal(["m.fnn"], _directory.FileNames());
    }

    [Fact]
    public void Parameters_that_do_not_fit_are_not_saved()
    {
        var path = _directory.File("never.fnn");
        FinAssert.FailsWith(ModelFile.Save(path, ModelFixtures.Regressor, Parameters, "e"), "do not fit the network");
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void A_custom_activation_cannot_be_saved()
    {
        var network = Network.Create(1, Loss.MeanSquaredError, (1, Activation.Custom("cube", z => z * z * z, z => 3 * z * z))).ThrowIfFail();
        FinAssert.FailsWith(ModelFile.Encode(network, Parameters.Zeros(network), "e"), "layer 1 activation 'cube' cannot be stored in a model file");
        var impostor = Network.Create(1, Loss.MeanSquaredError, (1, Activation.Custom("relu", z => z, _ => 1))).ThrowIfFail();
        FinAssert.FailsWith(ModelFile.Encode(impostor, Parameters.Zeros(impostor), "e"), "'relu' cannot be stored");
    }

    [Fact]
    public void A_custom_loss_cannot_be_saved()
    {
        var network = Network.Create(1, Loss.Custom("l1", (a, t) => 0, (a, t) => a), (1, Activation.Identity)).ThrowIfFail();
        FinAssert.FailsWith(ModelFile.Encode(network, Parameters.Zeros(network), "e"), "loss 'l1' cannot be stored in a model file");
    }

    [Fact]
    public void Files_of_other_kinds_are_not_model_files()
    {
        var csv = _directory.File("data.csv");
        File.WriteAllText(csv, "a,b\n1,2\n");
        FinAssert.FailsWith(ModelFile.Load(csv), csv, "not a Functional.NN model file");
        var random = _directory.File("random.bin");
        File.WriteAllBytes(random, [.. Enumerable.Range(0, 500).Select(i => (byte)(i * 97 + 13))]);
        FinAssert.FailsWith(ModelFile.Load(random), "not a Functional.NN model file");
        var checkpoint = _directory.File("state.ckpt");
        File.WriteAllBytes(checkpoint, ChecksummedEnvelope.Wrap(new EnvelopeKind("fnn-checkpoint", "checkpoint"), 1, [1, 2, 3]));
        FinAssert.FailsWith(ModelFile.Load(checkpoint), "not a Functional.NN model file: it holds 'fnn-checkpoint'");
    }

    [Fact]
    public void An_unsupported_version_is_an_error()
    {
        var payload = FinAssert.Succeeds(ChecksummedEnvelope.Unwrap("m", FinAssert.Succeeds(ModelFile.Encode(Network, Parameters, "e")), ModelFile.Kind)).Payload;
        FinAssert.FailsWith(ModelFile.Decode("future.fnn", ChecksummedEnvelope.Wrap(ModelFile.Kind, 5, payload)),
            "future.fnn: unsupported model format version 5 (this build reads versions 1 to 4)");
        FinAssert.FailsWith(ModelFile.Decode("zero.fnn", ChecksummedEnvelope.Wrap(ModelFile.Kind, 0, payload)),
            "zero.fnn: unsupported model format version 0");
    }

    [Fact]
    public void A_missing_file_is_an_error() =>
        FinAssert.FailsWith(ModelFile.Load(_directory.File("absent.fnn")), "absent.fnn", "no such file");

    private static ModelDocument Document() => FinAssert.Succeeds(ModelDocumentMapping.ToDocument(Network, Parameters, "e", default));

    private static string LoadFails(ModelDocument document, params string[] fragments) =>
        FinAssert.FailsWith(ModelFile.Decode("edited.fnn",
            ChecksummedEnvelope.Wrap(ModelFile.Kind, ModelFile.Float64FormatVersion, FinAssert.Succeeds(ModelJson.Serialize(document)))), ["edited.fnn: ", .. fragments]);

    private static string LoadFails(string json, params string[] fragments) =>
        FinAssert.FailsWith(ModelFile.Decode("edited.fnn",
            ChecksummedEnvelope.Wrap(ModelFile.Kind, ModelFile.Float64FormatVersion, Encoding.UTF8.GetBytes(json))), ["edited.fnn: ", .. fragments]);

    [Fact]
    public void A_network_that_does_not_match_the_parameters_is_an_error()
    {
        var document = Document();
        LoadFails(document with { Network = document.Network with { InputSize = 5 } },
            "parameters do not fit the network 5-3-2", "layer 1: W must be [3 x 5] (units x inputs), got [3 x 2]");
        var fewer = document with { Parameters = document.Parameters.RemoveAt(1) };
        LoadFails(fewer, "the network has 2 layers, got parameters for 1");
    }

    [Fact]
    public void Tensor_data_of_the_wrong_length_is_an_error()
    {
        var document = Document();
        var layer = document.Parameters[0];
        var shortened = layer with { Bias = layer.Bias with { Columns = 4 } };
        LoadFails(document with { Parameters = document.Parameters.SetItem(0, shortened) },
            "layer 1 bias: shape [1 x 4] needs 32 bytes (4 numbers), the data holds 24");
        var garbled = layer with { Weights = layer.Weights with { Float64LittleEndian = "not base64!" } };
        LoadFails(document with { Parameters = document.Parameters.SetItem(0, garbled) }, "layer 1 weights: float64_little_endian is not valid base64");
    }

    [Fact]
    public void An_invalid_network_is_an_error_from_network_create()
    {
        var document = Document();
        var softmaxFirst = document.Network.Layers.SetItem(0, document.Network.Layers[0] with { Activation = new NamedComponent("softmax", new Dictionary<string, double>()) });
        LoadFails(document with { Network = document.Network with { Layers = softmaxFirst } }, "network: layer 1: softmax is only allowed as the output layer");
    }

    [Fact]
    public void Unknown_activations_losses_and_parameters_are_errors()
    {
        var document = Document();
        var layers = document.Network.Layers;
        LoadFails(document with { Network = document.Network with { Layers = layers.SetItem(0, layers[0] with { Activation = new("swish", new Dictionary<string, double>()) }) } },
            "layer 1 activation: unknown activation 'swish'");
        LoadFails(document with { Network = document.Network with { Loss = new("hinge", new Dictionary<string, double>()) } }, "loss: unknown loss 'hinge'");
        LoadFails(document with { Network = document.Network with { Layers = layers.SetItem(0, layers[0] with { Activation = new("tanh", new Dictionary<string, double> { ["slope"] = 0.1 }) }) } },
            "layer 1 activation 'tanh' does not take the parameters {slope=0.1}");
    }

    [Fact]
    public void A_content_hash_that_differs_is_an_error()
    {
        var document = Document();
        LoadFails(document with { Metadata = document.Metadata with { ParametersContentHash = new string('0', 64) } },
            $"parameters content hash {Parameters.ContentHash()} differs from the stored {new string('0', 64)}");
    }

    [Fact]
    public void Invalid_json_payloads_are_errors_naming_the_place()
    {
        LoadFails("{ not json", "invalid model payload");
        LoadFails("null", "the model payload is JSON null");
        var json = Encoding.UTF8.GetString(FinAssert.Succeeds(ModelJson.Serialize(Document())));
        LoadFails(json.Replace("\"loss\"", "\"lost\""), "invalid model payload");
        LoadFails(json.Replace("\"experiment\": \"e\"", "\"experiment\": null"), "invalid model payload", "experiment");
        LoadFails(json.Replace("\"input_size\": 2", "\"input_size\": \"two\""), "invalid model payload at $.network.input_size");
        LoadFails(json.Replace("\"input_size\": 2", "\"input_size\": 2, \"input_size\": 2"), "invalid model payload", "input_size");
        LoadFails(json.Replace("\"parameters\": {}", "\"parameters\": {\"a\": 1, \"a\": 2}"), "invalid model payload");
        Assert.DoesNotContain("parameters_text", json);
    }

    [Fact]
    public void Parameterised_activations_are_stored_by_name_and_parameters()
    {
        var described = FinAssert.Succeeds(ComponentCodec.Describe<Activation>(new ScaledTanh(2.5), "scaled_tanh", ScaledTanh.Catalog, "layer 1 activation"));
        Assert.Equal("scaled_tanh", described.Name);
        Assert.Equal(new Dictionary<string, double> { ["gain"] = 2.5 }, described.Parameters);
        Assert.Equal(new ScaledTanh(2.5), FinAssert.Succeeds(ComponentCodec.Rebuild(described, ScaledTanh.Catalog, "a")));
        Assert.Same(ScaledTanh.Default, FinAssert.Succeeds(ComponentCodec.Rebuild(
            new NamedComponent("scaled_tanh", new Dictionary<string, double> { ["gain"] = 1.0 }), ScaledTanh.Catalog, "a")));
        FinAssert.FailsWith(ComponentCodec.Rebuild(new NamedComponent("scaled_tanh", new Dictionary<string, double> { ["slope"] = 1.0 }), ScaledTanh.Catalog, "a"),
            "a 'scaled_tanh' does not take the parameters {slope=1}");
        Assert.Empty(FinAssert.Succeeds(ComponentCodec.Describe(Activation.Relu, "relu", ActivationCatalog.FromName, "a")).Parameters);
        FinAssert.FailsWith(ComponentCodec.Describe<Activation>(new ScaledTanh(2.5), "scaled_tanh", ActivationCatalog.FromName, "a"),
            "a: unknown activation 'scaled_tanh'");
    }

    [Fact]
    public void Every_built_in_activation_and_loss_round_trips_through_the_codec()
    {
        foreach (var activation in ActivationCatalog.BuiltIn)
        {
            var described = FinAssert.Succeeds(ComponentCodec.Describe(activation, activation.Name, ActivationCatalog.FromName, "a"));
            Assert.Equal(activation, FinAssert.Succeeds(ComponentCodec.Rebuild(described, ActivationCatalog.FromName, "a")));
        }
        foreach (var loss in LossCatalog.BuiltIn)
        {
            var described = FinAssert.Succeeds(ComponentCodec.Describe(loss, loss.Name, LossCatalog.FromName, "l"));
            Assert.Equal(loss, FinAssert.Succeeds(ComponentCodec.Rebuild(described, LossCatalog.FromName, "l")));
        }
    }
}
