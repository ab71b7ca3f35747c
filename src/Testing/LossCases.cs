using FsCheck;
using FsCheck.Fluent;
using Functional.NN.Losses;
using Functional.NN.Tensors;

namespace Functional.NN.Testing;

/// <summary>Generated (z, targets) pairs for loss properties.</summary>
public static class LossCases
{
    /// <summary>z with elements from <paramref name="logit"/> and targets of the same shape from <paramref name="target"/>.</summary>
    public static Arbitrary<(Tensor Z, Tensor Targets)> Elementwise(Gen<double> logit, Gen<double> target) =>
        (from z in PreActivations.Tensors(logit)
         from t in Gen.ArrayOf(target, z.Length)
         select (z, Tensor.FromRowMajor(z.Rows, z.Columns, t).ThrowIfFail())).ToArbitrary();

    /// <summary>0/1 targets.</summary>
    public static Gen<double> Binary => Gen.Elements(0.0, 1.0);

    /// <summary>Soft targets in [0, 1].</summary>
    public static Gen<double> Soft => Gen.Choose(0, 1000).Select(i => i / 1000.0);

    /// <summary>z with 2 to 5 classes and one-hot targets from random labels.</summary>
    public static Arbitrary<(Tensor Z, Tensor Targets)> Classes(Gen<double> logit) =>
        (from rows in Gen.Choose(1, 4)
         from classes in Gen.Choose(2, 5)
         from values in Gen.ArrayOf(logit, rows * classes)
         from labels in Gen.ArrayOf(Gen.Choose(0, classes - 1), rows)
         select (Tensor.FromRowMajor(rows, classes, values).ThrowIfFail(), ClassLabels.OneHot(labels, classes).ThrowIfFail()))
        .ToArbitrary();

    /// <summary>Logits of ±1000, 0 and anything between, with ±1000 often.</summary>
    public static Gen<double> Extreme =>
        Gen.Frequency((2, Gen.Elements(-1000.0, 1000.0, 0.0)), (3, PreActivations.Number(1000)));
}
