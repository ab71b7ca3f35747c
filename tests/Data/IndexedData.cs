using FsCheck;
using FsCheck.Fluent;
using Functional.NN.Data;
using Functional.NN.Randomness;
using Functional.NN.Tensors;

namespace Functional.NN.Tests.Data;

/// <summary>Datasets whose rows say where they came from: features (i, -i), target 2i for example i.</summary>
public static class IndexedData
{
    /// <summary>A dataset of <paramref name="count"/> indexed examples.</summary>
    public static Dataset Of(int count) =>
        Dataset.Create(
            Tensor.Build(count, 2, (r, c) => c == 0 ? r : -r),
            Tensor.Build(count, 1, (r, _) => 2 * r)).ThrowIfFail();

    /// <summary>The original index of every row, checking that features and targets moved together.</summary>
    public static int[] Indices(Dataset data) =>
        Enumerable.Range(0, data.Count).Select(r =>
        {
            var i = (int)data.Features[r, 0];
            if (data.Features[r, 1] != -i || data.Targets[r, 0] != 2 * i)
                throw new InvalidOperationException($"row {r}: features and targets come from different examples");
            return i;
        }).ToArray();

    /// <summary>A key from a generated seed.</summary>
    public static Gen<RandomKey> Keys => Gen.Choose(0, int.MaxValue).Select(s => RandomKey.FromSeed((ulong)s * 2654435761UL));

    /// <summary>(count, key, epoch, batch size).</summary>
    public static Arbitrary<(int Count, RandomKey Key, int Epoch, int BatchSize)> Epochs =>
        (from count in Gen.Choose(1, 60)
         from key in Keys
         from epoch in Gen.Choose(0, 20)
         from batchSize in Gen.Choose(1, 70)
         select (count, key, epoch, batchSize)).ToArbitrary();
}
