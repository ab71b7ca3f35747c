using FsCheck.Xunit;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// The element-wise form of the optimizers: a fused <see cref="GradientTransformation.Step"/> gives the numbers of
/// <see cref="GradientTransformation.Update"/> then <see cref="Parameters.Apply(Gradients)"/>, and the per-element
/// rules give the same bits with 8-wide vectors, 4-wide vectors and one element at a time.
/// </summary>
[Properties(Arbitrary = [typeof(OptimizerArbitraries)], MaxTest = 60)]
public sealed class ElementwiseFusionProperties
{
    private static IEnumerable<GradientTransformation> Fusable(Parameters p) =>
        OptimizerCase.All.Select(c => c.Transformation).Concat(
        [
            Transform.Chain(Transform.Freeze(new ParameterMask([.. Enumerable.Range(0, p.Count).Select(l => new LayerMask(l % 2 == 0, true))])),
                Optimizer.SgdMomentum(0.1, 0.5)),
            Transform.Chain(Transform.ClipByGlobalNorm(0.001), Optimizer.RmsProp(0.01)),
        ]);

    [Property]
    public void A_fused_step_is_update_then_apply_bit_for_bit(TrainingScenario s)
    {
        foreach (var optimizer in Fusable(s.Parameters))
        {
            Assert.NotNull(optimizer.Elementwise);
            var (p, state) = (s.Parameters, optimizer.Init(s.Parameters));
            var (q, reference) = (s.Parameters, optimizer.Init(s.Parameters));
            foreach (var g in s.Gradients)
            {
                (p, state) = optimizer.Step(p, g, state);
                var (u, next) = optimizer.Update(g, reference, q);
                (q, reference) = (q.Apply(u), next);
                Assert.Equal(q.ContentHash(), p.ContentHash());
                Assert.Equal(reference.ContentHash(), state.ContentHash());
            }
        }
    }

    [Property]
    public void Every_vector_width_gives_the_same_bits(TrainingScenario s)
    {
        foreach (var optimizer in Fusable(s.Parameters))
        {
            var state = optimizer.Init(s.Parameters);
            foreach (var g in s.Gradients)
            {
                var runs = new[] { 8, 4, 1 }.Select(width => Run(optimizer, s.Parameters, g, state, width)).ToList();
                Assert.All(runs, r => Assert.Equal(runs[0], r));
                state = optimizer.Update(g, state, s.Parameters).State;
            }
        }
    }

    [Fact]
    public void Long_tensors_with_ragged_tails_give_the_same_bits_at_every_width()
    {
        var random = new Random(7);
        Tensor Random(int r, int c, double scale) => Tensor.Build(r, c, (_, _) => scale * (random.NextDouble() - 0.5));
        var p = Parameters.FromTrustedLayers([new LayerTensors(Random(13, 7, 2), Random(1, 13, 2)), new LayerTensors(Random(3, 13, 2), Random(1, 3, 2))]);
        Gradients G() => new([.. p.Layers.Select(l => new LayerTensors(Random(l.Weights.Rows, l.Weights.Columns, 1e-2), Random(1, l.Bias.Columns, 1e-2)))]);
        foreach (var optimizer in Fusable(p))
        {
            var state = optimizer.Update(G(), optimizer.Init(p), p).State;
            var g = G();
            var runs = new[] { 8, 4, 1 }.Select(width => Run(optimizer, p, g, state, width)).ToList();
            Assert.All(runs, r => Assert.Equal(runs[0], r));
        }
    }

    /// <summary>The updates and next state of one step with groups of at most <paramref name="width"/> elements, as hashes.</summary>
    private static string Run(GradientTransformation optimizer, Parameters p, Gradients g, OptimizerState state, int width)
    {
        var step = optimizer.Elementwise!.Begin<double>(state, () => g.GlobalNorm());
        var hashes = new List<string>();
        for (var t = 0; t < 2 * p.Count; t++)
        {
            var u = MomentTree.TensorOf(g, t).ToArray();
            step.Run(t, 0, u, MomentTree.TensorOf(p, t).Span, width);
            hashes.Add(Tensor.FromRowMajor(1, u.Length, u).ThrowIfFail().ContentHash());
        }
        return string.Join(",", hashes) + "|" + step.Finish().ContentHash();
    }
}
