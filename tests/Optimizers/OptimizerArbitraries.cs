using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Tensors;

namespace Functional.NN.Tests.Optimizers;

/// <summary>Parameters of a small random network and a sequence of gradients of the same shape.</summary>
/// <param name="Parameters">The starting point.</param>
/// <param name="Gradients">One gradient per step (1 to 5 steps).</param>
public sealed record TrainingScenario(Parameters Parameters, ImmutableArray<Gradients> Gradients)
{
    /// <summary>Shapes and step count, for failure messages.</summary>
    public override string ToString() =>
        $"{Parameters.Describe()}, {Gradients.Length} steps, parameters {Parameters.ContentHash()[..12]}";
}

/// <summary>A gradient tree and a positive bound for its global norm.</summary>
/// <param name="Gradients">The tree to clip.</param>
/// <param name="MaxNorm">The bound c &gt; 0.</param>
public sealed record ClipScenario(Gradients Gradients, double MaxNorm)
{
    /// <summary>Shapes, norm and bound, for failure messages.</summary>
    public override string ToString() => $"{Gradients.Describe()}, norm {Gradients.GlobalNorm():R}, max {MaxNorm:R}";
}

/// <summary>An optimizer under test with a name for messages.</summary>
/// <param name="Name">Short name.</param>
/// <param name="Transformation">The optimizer.</param>
/// <param name="DecaysWeights">True when the optimizer moves parameters even for zero gradients.</param>
public sealed record OptimizerCase(string Name, GradientTransformation Transformation, bool DecaysWeights)
{
    /// <summary>The six golden optimizers, schedules, clipping and chains.</summary>
    public static IReadOnlyList<OptimizerCase> All { get; } =
    [
        new("sgd", Optimizer.Sgd(0.1), false),
        new("sgd_momentum", Optimizer.SgdMomentum(0.1, 0.9), false),
        new("sgd_nesterov", Optimizer.SgdMomentum(0.1, 0.9, nesterov: true), false),
        new("adam", Optimizer.Adam(0.01), false),
        new("adamw", Optimizer.AdamW(0.01, weightDecay: 0.01), true),
        new("rmsprop", Optimizer.RmsProp(0.01), false),
        new("sgd_step_decay", Optimizer.Sgd(Schedule.StepDecay(0.1, 2, 0.5)), false),
        new("adam_warmup_cosine", Optimizer.Adam(Schedule.WarmupCosineDecay(0.0, 0.01, 2, 10)), false),
        new("clipped_adam", Transform.Chain(Transform.ClipByGlobalNorm(1.0), Transform.ScaleByAdam(), Transform.ScaleByLearningRate(0.01)), false),
    ];

    /// <inheritdoc />
    public override string ToString() => $"{Name} [{Transformation.Name}]";
}

/// <summary>FsCheck generators for the optimizer properties; failures shrink to fewer steps.</summary>
public static class OptimizerArbitraries
{
    /// <summary>Numbers over several magnitudes, including exact zeros.</summary>
    private static Gen<double> Scalar =>
        from magnitude in Gen.Elements(0.0, 1e-6, 1e-3, 1.0, 10.0)
        from u in Gen.Choose(-1000, 1000)
        select magnitude * u / 1000.0;

    private static Gen<Tensor> TensorOf(int rows, int columns) =>
        Gen.ArrayOf(Scalar, rows * columns).Select(data => Tensor.FromRowMajor(rows, columns, data).ThrowIfFail());

    private static Gen<ImmutableArray<LayerTensors>> LayersOf(int[] sizes) =>
        Gen.CollectToArray(Enumerable.Range(0, sizes.Length - 1), l =>
                from w in TensorOf(sizes[l + 1], sizes[l])
                from b in TensorOf(1, sizes[l + 1])
                select new LayerTensors(w, b))
            .Select(layers => layers.ToImmutableArray());

    private static Gen<int[]> Sizes =>
        from layers in Gen.Choose(1, 3)
        from sizes in Gen.ArrayOf(Gen.Choose(1, 4), layers + 1)
        select sizes;

    /// <summary>Random parameters and 1 to 5 gradients of their shape.</summary>
    public static Arbitrary<TrainingScenario> TrainingScenario() =>
        Arb.From(
            from sizes in Sizes
            from parameters in LayersOf(sizes).Select(Parameters.FromTrustedLayers)
            from steps in Gen.Choose(1, 5)
            from gradients in Gen.ArrayOf(LayersOf(sizes).Select(l => new Gradients(l)), steps)
            select new TrainingScenario(parameters, gradients.ToImmutableArray()),
            s => Enumerable.Range(1, s.Gradients.Length - 1).Reverse()
                .Select(n => s with { Gradients = s.Gradients.Take(n).ToImmutableArray() }));

    /// <summary>A random gradient tree and a bound chosen so that both clipping branches occur.</summary>
    public static Arbitrary<ClipScenario> ClipScenario() =>
        Arb.From(
            from sizes in Sizes
            from gradients in LayersOf(sizes).Select(l => new Gradients(l))
            from factor in Gen.Elements(0.01, 0.5, 0.999, 1.0, 1.001, 2.0, 100.0)
            let norm = gradients.GlobalNorm()
            select new ClipScenario(gradients, norm > 0 ? norm * factor : factor));
}
