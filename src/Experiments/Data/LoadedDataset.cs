using System.Collections.Immutable;
using Functional.NN.Data;
using Functional.NN.Tensors;

namespace Functional.NN.Experiments.Data;

/// <summary>
/// A data set read from a file or generated from a seed: one example per row of <see cref="Features"/>
/// and of <see cref="Targets"/>.
/// </summary>
/// <param name="Name">Short name for reports and experiment records (<c>two_moons</c>, <c>iris</c>, <c>fashion-mnist-train</c>).</param>
/// <param name="Features">
/// Inputs, <c>[examples x features]</c>, in the form they were stored in (IDX images stay bytes until a run
/// converts the rows it uses as it uses them; see <see cref="FeatureRows"/>).
/// </param>
/// <param name="Targets">One-hot rows <c>[examples x classes]</c> for classification; <c>[examples x 1]</c> for regression.</param>
/// <param name="Classes">Number of classes; 0 for regression.</param>
/// <param name="Sha256">
/// Lower-case hex SHA-256 of the source bytes as stored on disk, or of the generator specification for
/// generated sets; identifies the data in experiment records.
/// </param>
internal sealed record LoadedDataset(string Name, FeatureRows Features, Tensor Targets, int Classes, string Sha256)
{
    /// <summary>A data set whose features are already numbers in a tensor.</summary>
    public LoadedDataset(string name, Tensor features, Tensor targets, int classes, string sha256)
        : this(name, FeatureRows.Of(features), targets, classes, sha256)
    {
    }

    /// <summary>
    /// The original label of each class index, in index order (class i was read as <c>ClassLabels[i]</c>);
    /// empty for regression.
    /// </summary>
    public ImmutableArray<string> ClassLabels { get; init; } = [];

    /// <summary>Number of examples.</summary>
    public int Count => Features.Rows;
}
