using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Functional.NN.Data;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Data.Idx;

/// <summary>
/// A classification data set from a pair of IDX files (MNIST layout), each gzip-compressed or plain:
/// images (rank 3, unsigned bytes) become feature rows of <c>rows x columns</c> pixels scaled from
/// 0..255 to [0, 1] (pixel / 255); labels (rank 1, unsigned bytes) become one-hot rows. The pixels stay
/// bytes (<see cref="FeatureRows.FromBytes"/>, over the decompressed file, which nothing writes after reading
/// it): a run converts only the rows a batch or a block takes (<see cref="Dataset.FromRows"/>), so a
/// 60,000-image file costs its 47 MB of bytes, not 376 MB of doubles.
/// </summary>
internal static class IdxDataset
{
    /// <summary>Number of classes of MNIST and Fashion-MNIST.</summary>
    public const int MnistClasses = 10;

    /// <summary>
    /// The data set of <paramref name="imagesPath"/> and <paramref name="labelsPath"/>. Fails when either
    /// file is not a valid IDX file of its kind, when the counts of images and labels differ, or when a
    /// label is not below <paramref name="classes"/>. <see cref="LoadedDataset.Sha256"/> covers the raw
    /// bytes of the images file followed by the raw bytes of the labels file, as stored on disk.
    /// </summary>
    public static Fin<LoadedDataset> Load(string name, string imagesPath, string labelsPath, int classes = MnistClasses) =>
        from imagesContent in IdxContent.Read(imagesPath)
        from labelsContent in IdxContent.Read(labelsPath)
        from images in IdxFormat.Parse(imagesContent, IdxFormat.ImagesMagic, "images")
        from labels in IdxFormat.Parse(labelsContent, IdxFormat.LabelsMagic, "labels")
        from dataset in Combine(name, imagesContent, images, labelsContent, labels, classes)
        select dataset;

    private static Fin<LoadedDataset> Combine(
        string name, IdxContent imagesContent, IdxFormat.IdxArray images, IdxContent labelsContent, IdxFormat.IdxArray labels, int classes)
    {
        var count = images.Dimensions[0];
        if (labels.Dimensions[0] != count)
            return Error.New($"{imagesContent.Source} holds {count} images but {labelsContent.Source} holds {labels.Dimensions[0]} labels");
        var labelBytes = labels.Elements.Span;
        var classIndices = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (labelBytes[i] >= classes)
                return Error.New($"{labelsContent.Source}: label {i} (byte offset {8 + i}) is {labelBytes[i]}, expected 0..{classes - 1}");
            classIndices[i] = labelBytes[i];
        }
        var bytes = ImmutableCollectionsMarshal.AsImmutableArray(imagesContent.Bytes);
        var pixelsPerImage = images.Dimensions[1] * images.Dimensions[2];
        return from features in FeatureRows.FromBytes(bytes, bytes.Length - images.Elements.Length, count, pixelsPerImage, 255.0)
            select new LoadedDataset(name, features, ClassTargets.OneHot(classIndices, classes), classes, Sha256(imagesContent.Raw, labelsContent.Raw))
            {
                ClassLabels = [.. Enumerable.Range(0, classes).Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            };
    }

    private static string Sha256(byte[] images, byte[] labels)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(images);
        hash.AppendData(labels);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
