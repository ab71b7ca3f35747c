using System.Buffers.Binary;
using System.Text;
using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Experiments.Storage;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>
/// The safetensors layout (<see cref="SafetensorsModel"/>, <see cref="SafetensorsReader"/>): exact bytes of a tiny
/// file, bit-exact round trips, and one clear error for each kind of bad file. The PyTorch side is in
/// <see cref="SafetensorsPyTorchTests"/>.
/// </summary>
public sealed class SafetensorsTests
{
    private static readonly Network Leaky = Network.Create(3, Loss.SoftmaxCrossEntropy,
        (4, new LeakyRelu(0.05)), (2, Activation.Softmax)).ThrowIfFail();

    private static byte[] Encode(Network network, Parameters parameters, Option<Standardizer> standardizer = default) =>
        FinAssert.Succeeds(SafetensorsModel.Encode(network, parameters, standardizer, "test"));

    private static Fin<SafetensorsWeights> Decode(byte[] file, Network network) =>
        SafetensorsReader.Decode("m.safetensors", file).Bind(c => SafetensorsModel.Weights("m.safetensors", c, network));

    /// <summary>A file from hand-written tensors and metadata, as another writer would make it.</summary>
    private static byte[] File(Dictionary<string, string> metadata, params SafetensorsTensor[] tensors) =>
        SafetensorsWriter.Encode(tensors, metadata);

    [Fact]
    public void A_one_weight_model_is_written_byte_for_byte_as_the_format_says()
    {
        var network = Network.Create(1, Loss.MeanSquaredError, (1, Activation.Identity)).ThrowIfFail();
        var parameters = Parameters.Create(network, [(new[] { new[] { 2.0 } }, new[] { 0.5 })]).ThrowIfFail();
        var bytes = Encode(network, parameters);

        var header = "{\"__metadata__\":{\"activations\":\"[\\\"identity\\\"]\",\"experiment\":\"test\",\"format\":\"functional.nn/1\"," +
                     "\"layer_sizes\":\"[1, 1]\",\"loss\":\"mse\"}," +
                     "\"layers.0.weight\":{\"dtype\":\"F64\",\"shape\":[1,1],\"data_offsets\":[0,8]}," +
                     "\"layers.0.bias\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[8,16]}}";
        var padded = (header.Length + 7) / 8 * 8;
        Assert.Equal((ulong)padded, BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        Assert.Equal(header.PadRight(padded), Encoding.UTF8.GetString(bytes, 8, padded));
        Assert.Equal(8 + padded + 16, bytes.Length);
        Assert.Equal(2.0, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(8 + padded)));
        Assert.Equal(0.5, BinaryPrimitives.ReadDoubleLittleEndian(bytes.AsSpan(8 + padded + 8)));
    }

    [Fact]
    public void Parameters_and_standardizer_come_back_bit_for_bit()
    {
        var standardizer = Standardizer.Create(Tensor.RowVector([0.1 + 0.2, -0.0]), Tensor.RowVector([1.0 / 3.0, double.Epsilon])).ThrowIfFail();
        var bytes = Encode(ModelFixtures.Classifier, ModelFixtures.ClassifierParameters, standardizer);

        var weights = FinAssert.Succeeds(Decode(bytes, ModelFixtures.Classifier));

        Assert.Equal(ModelFixtures.ClassifierParameters.ContentHash(), Assert.IsType<SafetensorsWeights<double>>(weights).Parameters.ContentHash());
        var read = weights.Standardizer.IfNone(() => throw new Xunit.Sdk.XunitException("no standardizer"));
        Assert.Equal(standardizer.Mean.ContentHash(), read.Mean.ContentHash());
        Assert.Equal(standardizer.Scale.ContentHash(), read.Scale.ContentHash());
        Assert.Equal("test", weights.Experiment.IfNone(""));
    }

    [Fact]
    public void Weights_are_stored_units_by_inputs_as_torch_nn_Linear_stores_them()
    {
        var parameters = ModelFixtures.Counting(ModelFixtures.Regressor);
        var contents = FinAssert.Succeeds(SafetensorsReader.Decode("m", Encode(ModelFixtures.Regressor, parameters)));

        Assert.Equal(["layers.0.weight", "layers.0.bias", "layers.1.weight", "layers.1.bias", "layers.2.weight", "layers.2.bias"],
            contents.Tensors.Select(t => t.Name));
        Assert.Equal(new long[] { 4, 3 }, contents.Tensors[0].Shape.ToArray());
        Assert.Equal(new long[] { 4 }, contents.Tensors[1].Shape.ToArray());
        Assert.Equal(new long[] { 1, 4 }, contents.Tensors[4].Shape.ToArray());
        Assert.Equal(parameters[0].Weights[1, 2], contents.Tensors[0].ToFloat64()[1 * 3 + 2]);
        Assert.Equal("[3, 4, 4, 1]", contents.Metadata["layer_sizes"]);
        Assert.Equal("[\"relu\", \"sigmoid\", \"identity\"]", contents.Metadata["activations"]);
    }

    [Fact]
    public void A_parameterised_activation_is_stored_with_its_parameters_and_checked_on_import()
    {
        var parameters = ModelFixtures.Counting(Leaky);
        var bytes = Encode(Leaky, parameters);
        var contents = FinAssert.Succeeds(SafetensorsReader.Decode("m", bytes));
        Assert.Equal("[{\"name\": \"leaky_relu\", \"parameters\": {\"slope\": 0.05}}, \"softmax\"]", contents.Metadata["activations"]);

        var other = Network.Create(3, Loss.SoftmaxCrossEntropy, (4, new LeakyRelu(0.1)), (2, Activation.Softmax)).ThrowIfFail();
        FinAssert.FailsWith(Decode(bytes, other), "m.safetensors: __metadata__ does not match the experiment's network: activations [leaky_relu{slope=0.05}, softmax]");
    }

    [Fact]
    public void A_file_without_metadata_imports_with_raw_inputs()
    {
        var network = ModelFixtures.Classifier;
        var p = ModelFixtures.Counting(network);
        var file = File([],
            SafetensorsTensor.OfFloat64("layers.1.bias", [2], p[1].Bias.Span),
            SafetensorsTensor.OfFloat64("layers.0.weight", [3, 2], p[0].Weights.Span),
            SafetensorsTensor.OfFloat64("layers.1.weight", [2, 3], p[1].Weights.Span),
            SafetensorsTensor.OfFloat64("layers.0.bias", [3], p[0].Bias.Span));

        var weights = FinAssert.Succeeds(Decode(file, network));

        Assert.Equal(p, Assert.IsType<SafetensorsWeights<double>>(weights).Parameters);
        Assert.True(weights.Standardizer.IsNone);
    }

    [Fact]
    public void Missing_extra_misshaped_and_wrong_dtype_tensors_are_all_named_in_one_error()
    {
        var p = ModelFixtures.Counting(ModelFixtures.Classifier);
        var file = File([],
            SafetensorsTensor.OfFloat64("layers.0.weight", [2, 3], p[0].Weights.Span),
            new SafetensorsTensor("layers.0.bias", "F32", [3], new byte[12]),
            SafetensorsTensor.OfFloat64("layers.1.weight", [2, 3], p[1].Weights.Span),
            SafetensorsTensor.OfFloat64("layers.2.weight", [1], [1.0]));

        FinAssert.FailsWith(Decode(file, ModelFixtures.Classifier),
            "m.safetensors: missing tensor(s) layers.1.bias [2]",
            "unexpected tensor(s) layers.2.weight (the network 2-3-2 tanh,softmax softmax_ce has 2 layers)",
            "layers.0.weight has shape [2, 3], expected [3, 2] ([units, inputs], as torch.nn.Linear stores it)",
            "layers.0.bias is F32, expected F64",
            "the file holds layers.0.weight, layers.0.bias, layers.1.weight, layers.2.weight");
    }

    [Fact]
    public void A_header_length_past_the_end_of_the_file_is_refused_before_allocating()
    {
        var bytes = new byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, ulong.MaxValue - 3);
        FinAssert.FailsWith(SafetensorsReader.Decode("big.safetensors", bytes),
            "big.safetensors: not a safetensors file, or truncated: the header length is 18446744073709551612 bytes, but only 8 bytes follow it");
        FinAssert.FailsWith(SafetensorsReader.Decode("short", new byte[5]), "short: not a safetensors file: 5 bytes, fewer than the 8-byte header length");
    }

    [Fact]
    public void Truncating_a_file_anywhere_gives_an_error_not_an_exception()
    {
        var bytes = Encode(ModelFixtures.Classifier, ModelFixtures.ClassifierParameters);
        for (var length = 0; length < bytes.Length; length++)
            FinAssert.Fails(SafetensorsReader.Decode("cut", bytes.AsMemory(0, length)).Bind(c => SafetensorsModel.Weights("cut", c, ModelFixtures.Classifier)));
    }

    [Theory]
    [InlineData("[1, 2]", "malformed safetensors header: it does not start with '{'")]
    [InlineData("{\"a\": ", "malformed safetensors header (line 1")]
    [InlineData("{\"t\": {\"dtype\": \"F64\", \"shape\": [1], \"data_offsets\": [0, 8]}, \"t\": {\"dtype\": \"F64\", \"shape\": [1], \"data_offsets\": [0, 8]}}", "malformed safetensors header")]
    [InlineData("{\"t\": {\"dtype\": \"F63\", \"shape\": [1], \"data_offsets\": [0, 8]}}", "tensor 't': unknown dtype 'F63'")]
    [InlineData("{\"t\": {\"dtype\": \"F64\", \"shape\": [2], \"data_offsets\": [0, 8]}}", "tensor 't': shape [2] of F64 needs 16 bytes, data_offsets [0, 8] give 8")]
    [InlineData("{\"t\": {\"dtype\": \"F64\", \"shape\": [1], \"data_offsets\": [8, 16]}}", "tensor 't': data_offsets [8, 16] do not lie within the 8-byte data section")]
    [InlineData("{\"t\": {\"dtype\": \"F64\", \"shape\": [-1], \"data_offsets\": [0, 8]}}", "tensor 't': shape is missing or not a list of whole numbers >= 0")]
    [InlineData("{\"t\": {\"dtype\": \"F64\", \"shape\": [1], \"data_offsets\": [0, 8], \"x\": 1}}", "tensor 't': unexpected key(s) x")]
    [InlineData("{\"t\": {\"dtype\": \"U8\", \"shape\": [1], \"data_offsets\": [0, 1]}}", "the tensors cover 1 bytes of data, the file has 8")]
    [InlineData("{\"a\": {\"dtype\": \"U8\", \"shape\": [4], \"data_offsets\": [0, 4]}, \"b\": {\"dtype\": \"U8\", \"shape\": [6], \"data_offsets\": [2, 8]}}", "tensor 'b' starts at byte 2 of the data, expected 4 (it overlaps the tensor before it)")]
    [InlineData("{\"__metadata__\": {\"k\": 1}}", "__metadata__.k must be a string, got Number")]
    public void A_malformed_header_is_an_error_naming_the_problem(string header, string expected)
    {
        var json = Encoding.UTF8.GetBytes(header);
        var bytes = new byte[8 + json.Length + 8];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
        json.CopyTo(bytes, 8);
        FinAssert.FailsWith(SafetensorsReader.Decode("bad.safetensors", bytes), "bad.safetensors: ", expected);
    }

    [Fact]
    public void A_standardizer_of_the_wrong_width_or_half_of_one_is_refused()
    {
        var p = ModelFixtures.Counting(ModelFixtures.Classifier);
        SafetensorsTensor[] tensors =
        [
            SafetensorsTensor.OfFloat64("layers.0.weight", [3, 2], p[0].Weights.Span), SafetensorsTensor.OfFloat64("layers.0.bias", [3], p[0].Bias.Span),
            SafetensorsTensor.OfFloat64("layers.1.weight", [2, 3], p[1].Weights.Span), SafetensorsTensor.OfFloat64("layers.1.bias", [2], p[1].Bias.Span),
        ];
        FinAssert.FailsWith(Decode(File(new() { ["input_mean"] = "[0, 1, 2]", ["input_std"] = "[1, 1, 1]" }, tensors), ModelFixtures.Classifier),
            "input_mean has 3 and input_std 3 numbers, the network takes 2 inputs");
        FinAssert.FailsWith(Decode(File(new() { ["input_mean"] = "[0, 1]" }, tensors), ModelFixtures.Classifier),
            "__metadata__ has input_mean without input_std");
        FinAssert.FailsWith(Decode(File(new() { ["input_mean"] = "[0, 1]", ["input_std"] = "[1, 0]" }, tensors), ModelFixtures.Classifier),
            "scale must be finite and positive");
    }
}
