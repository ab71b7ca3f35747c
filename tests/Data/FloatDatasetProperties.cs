using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Data;

/// <summary>
/// A dataset's numbers in float (<see cref="Dataset.FeaturesAs{T}"/>, <see cref="Dataset.ToBatch{T}"/>, the training
/// loop's gathered batches, <see cref="Standardizer.Apply{T}(Tensor{T})"/>) are its double numbers, standardized in
/// double, each rounded once to float: bit for bit, from tensors and from byte rows, with and without a
/// standardizer, for every row order and for widths on both sides of every vector width.
/// </summary>
public sealed class FloatDatasetProperties
{
    /// <summary>(rows, columns, bytes, from bytes or from a tensor, standardized, row order with repeats, key).</summary>
    private static Arbitrary<(int Rows, int Columns, byte[] Bytes, bool FromBytes, bool Standardized, int[] Order, RandomKey Key)> Cases =>
        (from rows in Gen.Choose(1, 12)
         from columns in Gen.Choose(1, 37)
         from bytes in Gen.Choose(0, 255).Select(b => (byte)b).ArrayOf(rows * columns)
         from fromBytes in Gen.Elements(true, false)
         from standardized in Gen.Elements(true, false)
         from order in Gen.Choose(0, rows - 1).ArrayOf().Where(o => o.Length > 0)
         from key in IndexedData.Keys
         select (rows, columns, bytes, fromBytes, standardized, order, key)).ToArbitrary();

    /// <summary>The case's dataset: stored bytes read as b / 255, or a tensor of normal samples; standardized by a fit on every row when asked.</summary>
    private static Dataset Build((int Rows, int Columns, byte[] Bytes, bool FromBytes, bool Standardized, int[] Order, RandomKey Key) c)
    {
        var stored = c.FromBytes
            ? FeatureRows.FromBytes([.. c.Bytes], 0, c.Rows, c.Columns, 255.0).ThrowIfFail()
            : FeatureRows.Of(Sampling.Normal(c.Key, c.Rows, c.Columns, 0.3, 2.0));
        var all = Enumerable.Range(0, c.Rows).ToArray();
        var standardizer = c.Standardized ? Standardizer.Fit(stored, all) : null;
        var targets = Sampling.Normal(c.Key.Fold(1), c.Rows, 3, 0.0, 1.0);
        return Dataset.FromRows(stored, targets, all, standardizer).ThrowIfFail();
    }

    [Property(MaxTest = 200)]
    public Property Float_rows_are_the_double_rows_rounded_once_bit_for_bit() => Prop.ForAll(Cases, c =>
    {
        var data = Build(c);
        var taken = data.Subset(c.Order).ThrowIfFail();
        var network = Network.Create(c.Columns, Loss.MeanSquaredError, (3, Activation.Identity)).ThrowIfFail();
        var batch = taken.ToBatch<float>(network).ThrowIfFail();
        var gathered = data.GatherBatch<float>(c.Order, StepArrays.Fresh);
        var expected = Rounded(taken.Features);
        var expectedTargets = Rounded(taken.Targets);
        Assert.Equal(expected, Bits(taken.FeaturesAs<float>()));
        Assert.Equal(expected, Bits(batch.Inputs));
        Assert.Equal(expected, Bits(gathered.Inputs));
        Assert.Equal(expectedTargets, Bits(batch.Targets));
        Assert.Equal(expectedTargets, Bits(gathered.Targets));
        Assert.Equal(expectedTargets, Bits(taken.TargetsAs<float>()));
    });

    [Property(MaxTest = 100)]
    public Property Rows_of_a_dataset_holding_doubles_are_rounded_the_same_way() => Prop.ForAll(Cases, c =>
    {
        var held = Dataset.Create(Build(c).Features, Sampling.Normal(c.Key, c.Rows, 2, 0.0, 1.0)).ThrowIfFail();
        var taken = held.Subset(c.Order).ThrowIfFail();
        Assert.Equal(Rounded(taken.Features), Bits(taken.FeaturesAs<float>()));
        Assert.Equal(Rounded(taken.Features), Bits(held.GatherBatch<float>(c.Order, n => new float[n]).Inputs));
        Assert.Equal(Rounded(taken.Targets), Bits(taken.TargetsAs<float>()));
        Assert.Same(held.Features, held.FeaturesAs<double>());
    });

    [Property(MaxTest = 100)]
    public Property Standardizing_a_float_tensor_rounds_the_double_formula_once() => Prop.ForAll(Cases, c =>
    {
        var x = Sampling.Normal(c.Key, c.Rows, c.Columns, 5.0, 3.0);
        var standardizer = Standardizer.Fit(FeatureRows.Of(x), Enumerable.Range(0, c.Rows).ToArray());
        var floats = Tensor<float>.Build(c.Rows, c.Columns, (r, k) => (float)x[r, k]);
        var expected = Tensor<float>.Build(c.Rows, c.Columns,
            (r, k) => (float)(((double)floats[r, k] - standardizer.Mean[0, k]) / standardizer.Scale[0, k]));
        Assert.Equal(Bits(expected), Bits(standardizer.Apply(floats).ThrowIfFail()));
    });

    /// <summary>
    /// The documented choice is observable: with Fashion-MNIST-like statistics, float arithmetic ((float)x - (float)μ) /
    /// (float)s gives other bits than the rounded double formula for some byte, and the rows follow the rounded formula.
    /// </summary>
    [Fact]
    public void Float_byte_rows_are_the_rounded_double_formula_not_float_arithmetic()
    {
        var bytes = FeatureRows.FromBytes([.. Enumerable.Range(0, 256).Select(b => (byte)b)], 0, 256, 1, 255.0).ThrowIfFail();
        var standardizer = Standardizer.Create(Tensor.RowVector([0.2860405969887955]), Tensor.RowVector([0.3530242445149223])).ThrowIfFail();
        var rows = Dataset.FromRows(bytes, Tensor.Zeros(256, 1), Enumerable.Range(0, 256).ToArray(), standardizer).ThrowIfFail().FeaturesAs<float>();
        var (mean, scale) = (standardizer.Mean[0, 0], standardizer.Scale[0, 0]);
        var roundedDouble = Enumerable.Range(0, 256).Select(b => (float)((b / 255.0 - mean) / scale)).ToArray();
        var floatArithmetic = Enumerable.Range(0, 256).Select(b => ((float)(b / 255.0) - (float)mean) / (float)scale).ToArray();
        Assert.Equal(roundedDouble.Select(BitConverter.SingleToInt32Bits), rows.Span.ToArray().Select(BitConverter.SingleToInt32Bits));
        Assert.Contains(Enumerable.Range(0, 256), b => BitConverter.SingleToInt32Bits(roundedDouble[b]) != BitConverter.SingleToInt32Bits(floatArithmetic[b]));
    }

    /// <summary>
    /// A float batch of B rows of F features costs its own 4·B·F bytes (and its targets), not 8·B·F: the float rows are
    /// written straight from the stored bytes, through a pooled row of doubles, never through a double batch.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_float_batch_allocates_four_bytes_per_number(bool standardized)
    {
        const int rows = 256, features = 784, examples = 1000;
        var pixels = Enumerable.Range(0, examples * features).Select(i => (byte)(i * 7919 % 251)).ToArray();
        var stored = FeatureRows.FromBytes([.. pixels], 0, examples, features, 255.0).ThrowIfFail();
        var all = Enumerable.Range(0, examples).ToArray();
        var data = Dataset.FromRows(stored, ClassLabels.OneHot(all.Select(i => i % 10).ToArray(), 10).ThrowIfFail(), all,
            standardized ? Standardizer.Fit(stored, all) : null).ThrowIfFail();
        var network = Network.Create(features, Loss.SoftmaxCrossEntropy, (10, Activation.Softmax)).ThrowIfFail();
        var order = Enumerable.Range(0, rows).Select(i => i * 37 % examples).ToArray();
        var batch = data.Subset(order).ThrowIfFail();
        batch.ToBatch<float>(network).ThrowIfFail();
        data.GatherBatch<float>(order, n => new float[n]);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var made = batch.ToBatch<float>(network).ThrowIfFail();
        var madeBytes = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var gathered = data.GatherBatch<float>(order, n => new float[n]);
        var gatheredBytes = GC.GetAllocatedBytesForCurrentThread() - before;

        const long numbers = (long)rows * features;
        Assert.Equal((rows, features), (made.Inputs.Rows, made.Inputs.Columns));
        Assert.Equal(made.Inputs, gathered.Inputs);
        Assert.InRange(madeBytes, 4 * numbers, 5 * numbers);
        Assert.InRange(gatheredBytes, 4 * numbers, 5 * numbers);
    }

    private static int[] Bits(Tensor<float> t) => t.ToArray().Select(BitConverter.SingleToInt32Bits).ToArray();

    private static int[] Rounded(Tensor t) => t.ToArray().Select(v => BitConverter.SingleToInt32Bits((float)v)).ToArray();
}
