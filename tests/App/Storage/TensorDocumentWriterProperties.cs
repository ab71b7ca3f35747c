using System.Buffers.Binary;
using System.Text.Encodings.Web;
using System.Text.Json;
using FsCheck;
using FsCheck.Xunit;
using Functional.NN.Experiments.Storage;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>
/// Model and checkpoint files write a tensor's base64 straight from its numbers, into a pooled buffer. The bytes
/// must be those of the plain serialization of the tensor's text, which is built here independently
/// (<see cref="BinaryPrimitives"/>, <see cref="Convert.ToBase64String(byte[])"/>), for every double including NaN
/// payloads, infinities, -0 and subnormals, compact and indented, and for payloads that outgrow the first buffer.
/// </summary>
public sealed class TensorDocumentWriterProperties
{
    private static JsonSerializerOptions Plain(bool indented) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = indented,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Text(double[] values)
    {
        var bytes = new byte[values.Length * sizeof(double)];
        for (var i = 0; i < values.Length; i++) BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(8 * i), values[i]);
        return Convert.ToBase64String(bytes);
    }

    private static byte[] Pooled<T>(T value, JsonSerializerOptions options) => PooledJson.Write(value, options, json => json.ToArray());

    [Property(MaxTest = 300)]
    public void A_tensor_is_written_as_the_plain_serialization_of_its_text(double[] values, bool indented)
    {
        var plain = Plain(indented);
        var expected = JsonSerializer.SerializeToUtf8Bytes(new LayerParametersDocument(
            new TensorDocument(1, values.Length, Text(values)), new TensorDocument(values.Length, 1, Text(values))), plain);
        var fromNumbers = new LayerParametersDocument(
            TensorDocument.OfValues(1, values.Length, values), TensorDocument.OfValues(values.Length, 1, values));
        Assert.Equal(expected, Pooled(fromNumbers, TensorDocumentWriter.For(plain)));
    }

    [Property(MaxTest = 20)]
    public void Payloads_longer_than_the_first_buffer_are_written_whole(PositiveInt seed, bool indented)
    {
        var random = new Random(seed.Get);
        var values = new double[20_000 + random.Next(40_000)];
        for (var i = 0; i < values.Length; i++) values[i] = BitConverter.Int64BitsToDouble(random.NextInt64());
        var document = new TensorDocument(1, values.Length, Text(values));
        Assert.Equal(JsonSerializer.SerializeToUtf8Bytes(document, Plain(indented)),
            Pooled(TensorDocument.OfValues(1, values.Length, values), TensorDocumentWriter.For(Plain(indented))));
    }

    [Property(MaxTest = 200)]
    public void A_document_made_from_a_tensor_gives_back_its_bits_and_its_text(double[] values)
    {
        var tensor = Tensor.FromRowMajor(1, values.Length, values).ThrowIfFail();
        var document = TensorEncoding.Encode(tensor);
        Assert.Equal(Text(values), document.Float64LittleEndian);
        var decoded = FinAssert.Succeeds(TensorEncoding.Decode<double>(document, "t"));
        Assert.Equal(values.Select(BitConverter.DoubleToInt64Bits), decoded.ToArray().Select(BitConverter.DoubleToInt64Bits));
    }

    [Fact]
    public void Giving_a_document_new_text_drops_its_numbers()
    {
        var document = TensorDocument.OfValues(1, 2, new[] { 1.0, 2.0 }) with { Float64LittleEndian = "not base64!" };
        Assert.Null(document.Values);
        Assert.Equal("not base64!", document.Float64LittleEndian);
        Assert.Equal("""{"rows":1,"columns":2,"float64_little_endian":"not base64!"}""",
            System.Text.Encoding.UTF8.GetString(Pooled(document, TensorDocumentWriter.For(Plain(false)))));
        FinAssert.FailsWith(TensorEncoding.Decode<double>(document, "w"), "w: float64_little_endian is not valid base64");
    }

    [Fact]
    public void Numbers_that_do_not_fit_the_shape_are_an_error_naming_both()
    {
        var document = TensorDocument.OfValues(2, 2, new[] { 1.0, 2.0, 3.0 });
        FinAssert.FailsWith(TensorEncoding.Decode<double>(document, "w"), "w: shape [2 x 2] needs 32 bytes (4 numbers), the data holds 24");
    }
}
