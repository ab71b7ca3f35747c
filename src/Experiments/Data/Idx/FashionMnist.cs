using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Data.Idx;

/// <summary>
/// Fashion-MNIST (Xiao, Rasul and Vollgraf 2017): 28 x 28 grey-scale images of clothing in 10 classes,
/// 60 000 for training and 10 000 for testing, in the IDX files of the original distribution. Debian's
/// <c>dataset-fashion-mnist</c> package installs them, gzip-compressed, in <see cref="DefaultDirectory"/>.
/// </summary>
internal static class FashionMnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package puts the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The name of each class index, as in the data set's documentation.</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    /// <summary>File name (without <c>.gz</c>) of the images of a split.</summary>
    public static string ImagesFile(bool train) => train ? "train-images-idx3-ubyte" : "t10k-images-idx3-ubyte";

    /// <summary>File name (without <c>.gz</c>) of the labels of a split.</summary>
    public static string LabelsFile(bool train) => train ? "train-labels-idx1-ubyte" : "t10k-labels-idx1-ubyte";

    /// <summary>
    /// The training split (<paramref name="train"/> true, named <c>fashion-mnist-train</c>) or the test
    /// split (<c>fashion-mnist-test</c>) from <paramref name="directory"/>, where each file may be
    /// gzip-compressed (<c>.gz</c>, tried first) or plain.
    /// </summary>
    public static Fin<LoadedDataset> Load(string directory, bool train) =>
        from images in Locate(directory, ImagesFile(train))
        from labels in Locate(directory, LabelsFile(train))
        from dataset in IdxDataset.Load(train ? "fashion-mnist-train" : "fashion-mnist-test", images, labels)
        select dataset;

    /// <summary>True when both files of both splits are present in <paramref name="directory"/>.</summary>
    public static bool IsPresent(string directory) =>
        new[] { true, false }.All(train =>
            Locate(directory, ImagesFile(train)).IsSucc && Locate(directory, LabelsFile(train)).IsSucc);

    private static Fin<string> Locate(string directory, string stem)
    {
        var candidates = new[] { Path.Combine(directory, stem + ".gz"), Path.Combine(directory, stem) };
        return candidates.FirstOrDefault(File.Exists) is { } found
            ? Fin<string>.Succ(found)
            : Error.New($"Fashion-MNIST file not found: tried {string.Join(" and ", candidates)}");
    }
}
