using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.Data.Idx;
using LanguageExt;

namespace Functional.NN.Experiments.DataSources;

/// <summary>
/// A split of Fashion-MNIST read by <see cref="FashionMnist"/>, with the classes named as in the data set's
/// documentation (<c>T-shirt/top</c>, <c>Trouser</c>, ...). Spec: <c>fashion_mnist:train|test[,dir=DIR]</c>;
/// the directory defaults to <see cref="FashionMnist.DefaultDirectory"/>, where Debian's
/// <c>dataset-fashion-mnist</c> package installs the files.
/// </summary>
/// <param name="Train">True for the 60 000 training images, false for the 10 000 test images.</param>
/// <param name="Directory">The directory holding the four IDX files.</param>
internal sealed record FashionMnistSource(bool Train, string Directory = FashionMnist.DefaultDirectory) : DataSource
{
    /// <summary>The kind name in the spec.</summary>
    public const string KindName = "fashion_mnist";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <summary>The split's name in the spec: <c>train</c> or <c>test</c>.</summary>
    public string Split => Train ? "train" : "test";

    /// <inheritdoc />
    public override string Spec => $"{KindName}:{Split},dir={Directory}";

    /// <inheritdoc />
    public override Fin<LoadedDataset> Load() =>
        FashionMnist.Load(Directory, Train).Map(data => data with { ClassLabels = [.. FashionMnist.ClassNames] });
}
