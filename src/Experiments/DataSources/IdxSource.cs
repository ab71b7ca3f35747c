using System.Globalization;
using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.Data.Idx;
using LanguageExt;

namespace Functional.NN.Experiments.DataSources;

/// <summary>
/// Examples read from a pair of IDX files (MNIST layout, gzip or plain) by <see cref="IdxDataset"/>. Spec:
/// <c>idx:IMAGES,labels=LABELS[,classes=N]</c>, with 10 classes by default. The data set is named after
/// the images file.
/// </summary>
/// <param name="Images">The images file (rank 3, unsigned bytes).</param>
/// <param name="Labels">The labels file (rank 1, unsigned bytes).</param>
/// <param name="Classes">Number of classes, at least 1; every label must be below it.</param>
internal sealed record IdxSource(string Images, string Labels, int Classes = IdxDataset.MnistClasses) : DataSource
{
    /// <summary>The kind name in the spec.</summary>
    public const string KindName = "idx";

    /// <inheritdoc />
    public override string Kind => KindName;

    /// <inheritdoc />
    public override string Spec => $"{KindName}:{Images},labels={Labels},classes={Classes.ToString(CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public override Fin<LoadedDataset> Load() => IdxDataset.Load(Name, Images, Labels, Classes);

    private string Name => Path.GetFileName(Images) is { Length: > 0 } file ? file.Split('.')[0] : "idx";
}
