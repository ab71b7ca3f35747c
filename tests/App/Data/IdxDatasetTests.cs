using System.Buffers.Binary;
using System.Security.Cryptography;
using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.Data.Idx;
using Xunit;

namespace Functional.NN.Tests.App.Data;

/// <summary>IDX image and label files, plain and gzip: round trips from files the tests write, and every rejection.</summary>
public sealed class IdxDatasetTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    private static byte Pixel(int image, int index) => (byte)((image * 37 + index * 11) % 256);

    private static readonly byte[] Images = IdxTestFiles.Images(5, 3, 4, Pixel);
    private static readonly byte[] Labels = IdxTestFiles.Labels(3, 0, 9, 3, 7);

    private (string Images, string Labels) Write(byte[] images, byte[] labels, string suffix = "")
    {
        var (imagesPath, labelsPath) = (_directory.File("images-idx3-ubyte" + suffix), _directory.File("labels-idx1-ubyte" + suffix));
        File.WriteAllBytes(imagesPath, images);
        File.WriteAllBytes(labelsPath, labels);
        return (imagesPath, labelsPath);
    }

    private static void AssertMatchesWrittenData(LoadedDataset data, byte[] rawImages, byte[] rawLabels)
    {
        Assert.Equal((5, 12), (data.Features.Rows, data.Features.Columns));
        for (var image = 0; image < 5; image++)
            for (var index = 0; index < 12; index++)
                Assert.Equal(Pixel(image, index) / 255.0, data.Features[image, index]);
        Assert.Equal(10, data.Classes);
        Assert.Equal((5, 10), (data.Targets.Rows, data.Targets.Columns));
        Assert.Equal([3, 0, 9, 3, 7], data.Targets.ToRows().Select(r => Array.IndexOf(r, 1.0)).ToArray());
        Assert.All(data.Targets.ToRows(), r => Assert.Equal(1.0, r.Sum()));
        Assert.Equal(Enumerable.Range(0, 10).Select(c => c.ToString()).ToArray(), data.ClassLabels.ToArray());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData([.. rawImages, .. rawLabels])), data.Sha256);
    }

    [Fact]
    public void Plain_files_round_trip()
    {
        var (images, labels) = Write(Images, Labels);
        AssertMatchesWrittenData(FinAssert.Succeeds(IdxDataset.Load("small", images, labels)), Images, Labels);
    }

    [Fact]
    public void Gzip_files_round_trip()
    {
        var (zippedImages, zippedLabels) = (IdxTestFiles.Gzip(Images), IdxTestFiles.Gzip(Labels));
        var (images, labels) = Write(zippedImages, zippedLabels, ".gz");
        AssertMatchesWrittenData(FinAssert.Succeeds(IdxDataset.Load("small", images, labels)), zippedImages, zippedLabels);
    }

    [Fact]
    public void Pixels_scale_to_the_unit_interval()
    {
        var images = IdxTestFiles.Images(1, 1, 3, (_, i) => new byte[] { 0, 128, 255 }[i]);
        var (imagesPath, labelsPath) = Write(images, IdxTestFiles.Labels(1));
        var data = FinAssert.Succeeds(IdxDataset.Load("scale", imagesPath, labelsPath));
        Assert.Equal([0.0, 128 / 255.0, 1.0], data.Features.ToTensor().ToArray());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(15)]
    [InlineData(16)]
    [InlineData(40)]
    [InlineData(75)]
    public void A_truncated_image_file_is_an_error_with_expected_and_actual_sizes(int keep)
    {
        var (images, labels) = Write(Images[..keep], Labels);
        var message = FinAssert.Fails(IdxDataset.Load("cut", images, labels));
        Assert.Contains(images, message);
        Assert.Contains("truncated", message);
        if (keep >= 16)
            Assert.Contains($"5 x 3 x 4 needs 60 data bytes after the 16-byte header (76 bytes in all), the file has {keep - 16} ({keep} in all)", message);
    }

    [Fact]
    public void A_truncated_gzip_file_is_an_error()
    {
        var zipped = IdxTestFiles.Gzip(IdxTestFiles.Images(50, 10, 10, Pixel));
        var (images, labels) = Write(zipped[..(zipped.Length / 2)], IdxTestFiles.Gzip(Labels), ".gz");
        FinAssert.FailsWith(IdxDataset.Load("cut", images, labels), images, "(after gzip decompression)", "truncated");
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(7u)]
    [InlineData(uint.MaxValue)]
    public void Gzip_files_whose_trailer_states_another_size_still_decompress_to_every_byte(uint statedSize)
    {
        var plain = IdxTestFiles.Images(5, 3, 4, Pixel);
        var zipped = IdxTestFiles.Gzip(plain);
        BinaryPrimitives.WriteUInt32LittleEndian(zipped.AsSpan(zipped.Length - 4), statedSize);
        var content = IdxContent.FromBytes("lying.gz", zipped);
        Assert.True(content.IsFail || content.ThrowIfFail().Bytes.SequenceEqual(plain), "all bytes, or the size mismatch reported");
    }

    [Fact]
    public void Gzip_files_of_several_members_decompress_to_all_of_them()
    {
        var plain = IdxTestFiles.Images(5, 3, 4, Pixel);
        var twoMembers = IdxTestFiles.Gzip(plain[..30]).Concat(IdxTestFiles.Gzip(plain[30..])).ToArray();
        Assert.Equal(plain, IdxContent.FromBytes("two.gz", twoMembers).ThrowIfFail().Bytes);
    }

    [Theory]
    [InlineData(true)]  // a file that inflates more than 16 times: read into a buffer grown as data arrives
    [InlineData(false)] // a file of pixels that barely compress: inflated straight into an array of the declared size
    public void Gzip_files_inflate_to_every_byte_whatever_their_compression_ratio(bool compressible)
    {
        var noise = new byte[200 * 28 * 28];
        new Random(5).NextBytes(noise);
        var plain = IdxTestFiles.Images(200, 28, 28, compressible ? (_, _) => 7 : (image, index) => noise[image * 28 * 28 + index]);
        var zipped = IdxTestFiles.Gzip(plain);
        Assert.Equal(compressible, plain.Length > 16 * zipped.Length);
        Assert.Equal(plain, IdxContent.FromBytes("ratio.gz", zipped).ThrowIfFail().Bytes);
        var cut = IdxContent.FromBytes("cut.gz", IdxTestFiles.Gzip(plain[..(plain.Length - 100)]));
        Assert.Equal(plain[..(plain.Length - 100)], cut.ThrowIfFail().Bytes); // the parser names the missing bytes
        FinAssert.FailsWith(IdxFormat.Parse(cut.ThrowIfFail(), IdxFormat.ImagesMagic, "images"), "cut.gz");
    }

    [Fact]
    public void Gzip_data_is_inflated_no_further_than_its_header_declares()
    {
        var zeros = IdxContent.FromBytes("zeros.gz", IdxTestFiles.Gzip(new byte[100_000])).ThrowIfFail();
        Assert.Equal(4, zeros.Bytes.Length); // not an IDX magic number: inflation stops there, and the parser names it
        FinAssert.FailsWith(IdxFormat.Parse(zeros, IdxFormat.ImagesMagic, "images"), "zeros.gz", "magic number 0x00000000");
        var plain = IdxTestFiles.Images(5, 3, 4, Pixel);
        var extended = IdxTestFiles.Gzip([.. plain, .. new byte[1_000_000]]);
        FinAssert.FailsWith(IdxContent.FromBytes("bomb.gz", extended), "bomb.gz", $"more data after the {plain.Length} bytes its IDX header declares");
    }

    [Fact]
    public void Corrupt_gzip_data_is_an_error()
    {
        var zipped = IdxTestFiles.Gzip(Images);
        zipped[3] = 0xFF; // reserved flag bits
        var (images, labels) = Write(zipped, Labels, ".gz");
        FinAssert.FailsWith(IdxDataset.Load("corrupt", images, labels), images, "corrupt gzip data");
    }

    [Fact]
    public void Swapped_files_are_rejected_by_their_magic_numbers()
    {
        var (images, labels) = Write(Labels, Images);
        FinAssert.FailsWith(IdxDataset.Load("swapped", images, labels), images, "not an IDX images file: magic number 0x00000801, expected 0x00000803");
        var (images2, labels2) = Write(Images, Images, ".b");
        FinAssert.FailsWith(IdxDataset.Load("swapped", images2, labels2), labels2, "not an IDX labels file: magic number 0x00000803, expected 0x00000801");
    }

    [Fact]
    public void Other_element_types_are_rejected()
    {
        var floats = IdxTestFiles.Idx(0x00000D03, [1, 1, 1], [0, 0, 0, 0]);
        var (images, labels) = Write(floats, IdxTestFiles.Labels(1));
        FinAssert.FailsWith(IdxDataset.Load("floats", images, labels), "magic number 0x00000D03, expected 0x00000803");
    }

    [Fact]
    public void Bytes_after_the_data_are_an_error()
    {
        var (images, labels) = Write([.. Images, 0, 0, 0], Labels);
        FinAssert.FailsWith(IdxDataset.Load("extra", images, labels), images, "3 unexpected bytes after the 60 data bytes of 5 x 3 x 4");
    }

    [Fact]
    public void A_dimension_of_zero_is_an_error()
    {
        var (images, labels) = Write(IdxTestFiles.Idx(0x00000803, [1, 0, 4], []), IdxTestFiles.Labels(1));
        FinAssert.FailsWith(IdxDataset.Load("empty", images, labels), "dimension 2 is 0, must be at least 1");
    }

    [Fact]
    public void Different_counts_of_images_and_labels_are_an_error()
    {
        var (images, labels) = Write(Images, IdxTestFiles.Labels(1, 2, 3, 4));
        FinAssert.FailsWith(IdxDataset.Load("mismatch", images, labels), $"{images} holds 5 images but {labels} holds 4 labels");
    }

    [Fact]
    public void A_label_outside_the_classes_is_an_error()
    {
        var (images, labels) = Write(Images, IdxTestFiles.Labels(1, 2, 10, 4, 5));
        FinAssert.FailsWith(IdxDataset.Load("label", images, labels), labels, "label 2 (byte offset 10) is 10, expected 0..9");
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var (_, labels) = Write(Images, Labels);
        var absent = _directory.File("absent");
        FinAssert.FailsWith(IdxDataset.Load("absent", absent, labels), absent, "no such file");
    }
}
