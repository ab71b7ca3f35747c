using System.Collections.Immutable;

namespace Functional.NN.Data;

/// <summary>The rows of each part of a <see cref="DataSplit"/>, each in increasing order.</summary>
/// <param name="Training">Row indices of the training part.</param>
/// <param name="Validation">Row indices of the validation part.</param>
public sealed record SplitRows(ImmutableArray<int> Training, ImmutableArray<int> Validation);
