using System.Collections.Immutable;
using Functional.NN.Experiments.Data.Csv;
using Functional.NN.Experiments.Data.Idx;
using Functional.NN.Experiments.DataSources;
using LanguageExt;

namespace Functional.NN.Experiments;

/// <summary>
/// Loads examples the way <c>fnn</c>'s <c>--data</c> option and experiment files do: CSV files, IDX files
/// (MNIST layout, gzip or plain), Fashion-MNIST, and the generated sets (<c>circles</c>, <c>two_moons</c>,
/// <c>two_spirals</c>, <c>xor</c>). Every failure is an error naming the file or setting and the problem
/// (docs/data-sources.md).
/// </summary>
public static class Datasets
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> package installs Fashion-MNIST.</summary>
    public const string FashionMnistDirectory = Data.Idx.FashionMnist.DefaultDirectory;

    /// <summary>
    /// The examples a <c>--data</c> text describes: <c>generated:NAME[,count=N][,noise=X][,seed=S]</c>,
    /// <c>csv:PATH,label=COLUMN,features=A+B[,task=classification|regression]</c>,
    /// <c>idx:IMAGES,labels=LABELS[,classes=N]</c> or <c>fashion_mnist:train|test[,dir=DIR]</c>.
    /// </summary>
    /// <param name="spec">The data source text.</param>
    public static Fin<LabeledData> Load(string spec) => DataSourceSpec.Parse(spec).Bind(FromSource);

    /// <summary>A generated set: <paramref name="count"/> points of <paramref name="generator"/> with Gaussian noise, from <paramref name="seed"/>.</summary>
    /// <param name="generator"><c>circles</c>, <c>two_moons</c>, <c>two_spirals</c> or <c>xor</c>.</param>
    /// <param name="count">Number of examples, at least 1.</param>
    /// <param name="noise">Standard deviation of the noise on each coordinate, at least 0.</param>
    /// <param name="seed">The generator's seed; the same seed gives the same examples.</param>
    public static Fin<LabeledData> Generated(string generator, int count = GeneratedSource.DefaultCount, double noise = 0.0, ulong seed = 0) =>
        FromSource(new GeneratedSource(generator, count, noise, seed));

    /// <summary>A CSV file with a header row whose <paramref name="label"/> column holds class labels.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="features">The feature columns, in the order they become features.</param>
    /// <param name="label">The column holding the class label.</param>
    public static Fin<LabeledData> CsvClassification(string path, IEnumerable<string> features, string label) =>
        FromSource(new CsvSource(path, [.. features], label, CsvTask.Classification));

    /// <summary>A CSV file with a header row whose <paramref name="target"/> column holds a number to predict.</summary>
    /// <param name="path">The CSV file.</param>
    /// <param name="features">The feature columns, in the order they become features.</param>
    /// <param name="target">The column holding the regression target.</param>
    public static Fin<LabeledData> CsvRegression(string path, IEnumerable<string> features, string target) =>
        FromSource(new CsvSource(path, [.. features], target, CsvTask.Regression));

    /// <summary>A pair of IDX files: images (rank 3, bytes, scaled to [0, 1]) and their labels (rank 1, bytes).</summary>
    /// <param name="images">The images file.</param>
    /// <param name="labels">The labels file.</param>
    /// <param name="classes">Number of classes; every label must be below it.</param>
    public static Fin<LabeledData> Idx(string images, string labels, int classes = IdxDataset.MnistClasses) =>
        FromSource(new IdxSource(images, labels, classes));

    /// <summary>A split of Fashion-MNIST, its classes named as in the data set's documentation (<c>T-shirt/top</c>, ...).</summary>
    /// <param name="split">The 60,000 training or the 10,000 test images.</param>
    /// <param name="directory">The folder holding the four IDX files; <see cref="FashionMnistDirectory"/> by default.</param>
    public static Fin<LabeledData> FashionMnist(FashionMnistSplit split, string directory = FashionMnistDirectory) =>
        FromSource(new FashionMnistSource(split == FashionMnistSplit.Train, directory));

    private static Fin<LabeledData> FromSource(DataSource source) => source.Load().Map(loaded => new LabeledData(source, loaded));
}
