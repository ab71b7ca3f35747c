using FsCheck;
using FsCheck.Xunit;
using Functional.NN.Experiments.Storage;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>
/// Whatever the cut point or the flipped bit, a damaged model file is rejected, never half-loaded.
/// A failure prints FsCheck's replay seed.
/// </summary>
public sealed class ModelFileCorruptionProperties
{
    private static readonly byte[] Saved =
        ModelFile.Encode(ModelFixtures.Classifier, ModelFixtures.ClassifierParameters, "corruption").ThrowIfFail();

    [Property(MaxTest = 500)]
    public bool A_model_file_cut_anywhere_is_rejected(NonNegativeInt cut) =>
        ModelFile.Decode("cut.fnn", Saved[..(cut.Get % Saved.Length)]).IsFail;

    [Property(MaxTest = 1000)]
    public bool A_model_file_with_any_single_bit_flipped_is_rejected(NonNegativeInt position, byte bit)
    {
        var damaged = (byte[])Saved.Clone();
        damaged[position.Get % damaged.Length] ^= (byte)(1 << (bit % 8));
        return ModelFile.Decode("flipped.fnn", damaged).IsFail;
    }

    [Theory]
    [InlineData(0, "not a Functional.NN model file")]
    [InlineData(7, "not a Functional.NN model file")]
    [InlineData(10, "truncated")]
    [InlineData(40, "truncated")]
    [InlineData(64, "truncated")]
    [InlineData(100, "truncated: expected")]
    [InlineData(-1, "truncated: expected")]
    public void Cuts_at_chosen_points_name_the_problem(int keep, string fragment) =>
        FinAssert.FailsWith(ModelFile.Decode("cut.fnn", Saved[..(keep >= 0 ? keep : Saved.Length + keep)]), "cut.fnn: ", fragment);

    [Theory]
    [InlineData(0, "not a Functional.NN model file")]
    [InlineData(8, "unsupported envelope layout version")]
    [InlineData(12, "checksum mismatch")]
    [InlineData(20, "checksum mismatch")]
    [InlineData(40, "checksum mismatch")]
    [InlineData(100, "checksum mismatch")]
    [InlineData(-1, "checksum mismatch")]
    public void Flips_at_chosen_bytes_name_the_problem(int position, string fragment)
    {
        var damaged = (byte[])Saved.Clone();
        damaged[position >= 0 ? position : damaged.Length + position] ^= 0x01;
        FinAssert.FailsWith(ModelFile.Decode("flipped.fnn", damaged), "flipped.fnn: ", fragment);
    }

    [Fact]
    public void A_flip_in_the_payload_length_names_a_size_mismatch()
    {
        var damaged = (byte[])Saved.Clone();
        damaged[24] ^= 0x01; // the lowest byte of the payload length: one more or one less than the file holds
        FinAssert.FailsWith(ModelFile.Decode("flipped.fnn", damaged), "flipped.fnn: ",
            (Saved[24] & 1) == 0 ? "truncated: expected" : "1 unexpected bytes after the payload");
    }

    [Fact]
    public void The_undamaged_file_loads() => Assert.True(ModelFile.Decode("ok.fnn", Saved).IsSucc);
}
