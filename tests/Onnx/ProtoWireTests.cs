using Functional.NN.Onnx;
using Xunit;

namespace Functional.NN.Tests.Onnx;

/// <summary>The protobuf encoder against the byte sequences of the protobuf encoding guide and hand-worked cases.</summary>
public sealed class ProtoWireTests
{
    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(1UL, "01")]
    [InlineData(127UL, "7F")]
    [InlineData(128UL, "8001")]
    [InlineData(150UL, "9601")]
    [InlineData(300UL, "AC02")]
    [InlineData(16384UL, "808001")]
    [InlineData(ulong.MaxValue, "FFFFFFFFFFFFFFFFFF01")]
    public void Varints_are_little_endian_groups_of_seven_bits(ulong value, string hex) =>
        Assert.Equal(hex, Convert.ToHexString(ProtoWire.Varint(value)));

    [Fact]
    public void Negative_int64_takes_ten_bytes_of_twos_complement() =>
        Assert.Equal("FFFFFFFFFFFFFFFFFF01", Convert.ToHexString(ProtoWire.Varint(-1L)));

    [Theory]
    [InlineData(1, (int)ProtoWireType.Varint, "08")]
    [InlineData(2, (int)ProtoWireType.LengthDelimited, "12")]
    [InlineData(3, (int)ProtoWireType.LengthDelimited, "1A")]
    [InlineData(2, (int)ProtoWireType.Fixed32, "15")]
    [InlineData(20, (int)ProtoWireType.Varint, "A001")]
    public void Tags_are_field_number_shifted_by_three_or_wire_type(int field, int wireType, string hex) =>
        Assert.Equal(hex, Convert.ToHexString(ProtoWire.Tag(field, (ProtoWireType)wireType)));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(ProtoWire.MaxFieldNumber + 1)]
    public void Field_numbers_outside_1_to_2_pow_29_minus_1_are_rejected(int field) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ProtoWire.Tag(field, ProtoWireType.Varint));

    [Fact]
    public void The_encoding_guides_examples()
    {
        // message Test1 { int32 a = 1; } with a = 150
        Assert.Equal("089601", Convert.ToHexString(ProtoMessage.Empty.WithVarint(1, 150).ToBytes()));
        // message Test2 { string b = 2; } with b = "testing"
        Assert.Equal("120774657374696E67", Convert.ToHexString(ProtoMessage.Empty.WithString(2, "testing").ToBytes()));
        // message Test3 { Test1 c = 3; } with c.a = 150
        Assert.Equal("1A03089601", Convert.ToHexString(ProtoMessage.Empty.WithMessage(3, ProtoMessage.Empty.WithVarint(1, 150)).ToBytes()));
    }

    [Fact]
    public void Floats_are_four_little_endian_bytes() =>
        Assert.Equal("150000803F", Convert.ToHexString(ProtoMessage.Empty.WithFloat(2, 1.0f).ToBytes()));

    [Fact]
    public void Repeated_fields_repeat_the_tag_in_order()
    {
        var bytes = ProtoMessage.Empty.WithVarints(1, [3, 270]).WithStrings(2, ["a", "bc"]).ToBytes();
        Assert.Equal("0803088E02120161120262 63".Replace(" ", ""), Convert.ToHexString(bytes));
    }

    [Fact]
    public void Messages_are_values_adding_a_field_leaves_the_original_unchanged()
    {
        var one = ProtoMessage.Empty.WithVarint(1, 1);
        var two = one.WithVarint(2, 2);
        Assert.Equal(1, one.FieldCount);
        Assert.Equal("0801", Convert.ToHexString(one.ToBytes()));
        Assert.Equal("08011002", Convert.ToHexString(two.ToBytes()));
        Assert.Empty(ProtoMessage.Empty.ToBytes());
    }

    [Fact]
    public void Raw_data_of_doubles_and_floats_is_little_endian_ieee754()
    {
        Assert.Equal("000000000000F03F000000000000F0BF", Convert.ToHexString(OnnxEncoding.RawData([1.0, -1.0], OnnxElementType.Double)));
        Assert.Equal("0000803F000000C0", Convert.ToHexString(OnnxEncoding.RawData([1.0, -2.0], OnnxElementType.Float)));
    }

    [Fact]
    public void The_test_decoder_reads_back_what_the_encoder_writes()
    {
        var bytes = ProtoMessage.Empty.WithVarint(1, 300).WithString(4, "Gemm")
            .WithMessage(5, ProtoMessage.Empty.WithString(1, "transB").WithVarint(3, 1)).ToBytes();
        var fields = ProtoReader.Read(bytes);
        Assert.Equal(300UL, fields.One(1).Varint);
        Assert.Equal("Gemm", fields.One(4).Text);
        Assert.Equal("transB", fields.One(5).Message.One(1).Text);
    }
}
