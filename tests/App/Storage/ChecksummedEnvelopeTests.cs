using System.Text;
using FsCheck;
using FsCheck.Xunit;
using Functional.NN.Experiments.Storage;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>The checksummed envelope: layout, round trip, and detection of every truncation, extension and bit flip.</summary>
public sealed class ChecksummedEnvelopeTests
{
    private static readonly EnvelopeKind Model = new("fnn-model", "model");
    private static readonly EnvelopeKind Checkpoint = new("fnn-checkpoint", "checkpoint");
    private static readonly byte[] Payload = Encoding.UTF8.GetBytes("{\"hello\": \"world\"}");
    private static readonly byte[] Wrapped = ChecksummedEnvelope.Wrap(Model, 3, Payload);

    [Fact]
    public void The_layout_is_header_checksum_payload()
    {
        Assert.Equal(55 + "fnn-model".Length + Payload.Length, Wrapped.Length);
        Assert.Equal([0x89, (byte)'F', (byte)'N', (byte)'N', 0x0D, 0x0A, 0x1A, 0x0A], Wrapped[..8]);
        Assert.Equal([1, 0], Wrapped[8..10]);
        Assert.Equal(9, Wrapped[10]);
        Assert.Equal("fnn-model", Encoding.ASCII.GetString(Wrapped, 11, 9));
        Assert.Equal(3, BitConverter.ToInt32(Wrapped, 20));
        Assert.Equal((ulong)Payload.Length, BitConverter.ToUInt64(Wrapped, 24));
        Assert.Equal(Payload, Wrapped[^Payload.Length..]);
    }

    [Fact]
    public void Unwrap_returns_version_and_payload()
    {
        var contents = FinAssert.Succeeds(ChecksummedEnvelope.Unwrap("m", Wrapped, Model));
        Assert.Equal(3, contents.FormatVersion);
        Assert.Equal(Payload, contents.Payload);
        Assert.Empty(FinAssert.Succeeds(ChecksummedEnvelope.Unwrap("e", ChecksummedEnvelope.Wrap(Model, 1, []), Model)).Payload);
    }

    [Fact]
    public void Another_kind_is_not_a_file_of_this_kind()
    {
        var checkpoint = ChecksummedEnvelope.Wrap(Checkpoint, 1, Payload);
        FinAssert.FailsWith(ChecksummedEnvelope.Unwrap("c.fnn", checkpoint, Model),
            "c.fnn: not a Functional.NN model file: it holds 'fnn-checkpoint', expected 'fnn-model'");
    }

    [Fact]
    public void Foreign_bytes_are_not_a_functional_nn_file()
    {
        foreach (var bytes in new[] { [], Encoding.UTF8.GetBytes("a,b\n1,2\n"), new byte[] { 0x89, (byte)'F' } })
            FinAssert.FailsWith(ChecksummedEnvelope.Unwrap("x", bytes, Model), "x: not a Functional.NN model file");
    }

    [Fact]
    public void A_truncated_file_reports_expected_and_actual_sizes() =>
        FinAssert.FailsWith(ChecksummedEnvelope.Unwrap("t", Wrapped[..^5], Model),
            $"t: truncated: expected {Wrapped.Length} bytes (64-byte header and {Payload.Length}-byte payload), the file has {Wrapped.Length - 5}");

    [Fact]
    public void Bytes_after_the_payload_are_an_error() =>
        FinAssert.FailsWith(ChecksummedEnvelope.Unwrap("x", [.. Wrapped, 0], Model), "x: 1 unexpected bytes after the payload");

    [Fact]
    public void A_flipped_payload_bit_is_a_checksum_mismatch()
    {
        var corrupted = (byte[])Wrapped.Clone();
        corrupted[^3] ^= 0x10;
        FinAssert.FailsWith(ChecksummedEnvelope.Unwrap("x", corrupted, Model), "x: checksum mismatch, the file is corrupted");
    }

    [Property(MaxTest = 300)]
    public bool Every_truncation_is_rejected(byte[] payload, NonNegativeInt cut)
    {
        var bytes = ChecksummedEnvelope.Wrap(Model, 1, payload);
        var keep = cut.Get % bytes.Length;
        return ChecksummedEnvelope.Unwrap("x", bytes[..keep], Model).IsFail;
    }

    [Property(MaxTest = 500)]
    public bool Every_single_bit_flip_is_rejected(byte[] payload, NonNegativeInt position, byte bit)
    {
        var bytes = ChecksummedEnvelope.Wrap(Model, 1, payload);
        bytes[position.Get % bytes.Length] ^= (byte)(1 << (bit % 8));
        return ChecksummedEnvelope.Unwrap("x", bytes, Model).IsFail;
    }

    [Fact]
    public void Write_and_read_go_through_the_file_system()
    {
        using var directory = new TempDirectory();
        var path = directory.File("payload.env");
        FinAssert.Succeeds(ChecksummedEnvelope.Write(path, Checkpoint, 7, Payload));
        var contents = FinAssert.Succeeds(ChecksummedEnvelope.Read(path, Checkpoint));
        Assert.Equal(7, contents.FormatVersion);
        Assert.Equal(Payload, contents.Payload);
        FinAssert.FailsWith(ChecksummedEnvelope.Read(directory.File("absent"), Checkpoint), "no such file");
    }
}
