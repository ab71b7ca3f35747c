using FsCheck.Xunit;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Functional.NN.Optimizers.Elementwise;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// The optimizers on float parameters: every built-in optimizer runs; a fused step is its update followed by
/// <see cref="Parameters{T}.Apply(Gradients{T})"/>, bit for bit; 16-wide, 8-wide and one-at-a-time float lanes give
/// the same bits; and a float step is exactly the documented float arithmetic written out element by element
/// (<see cref="FloatReference"/>: scalars computed in double and rounded once, the rest in float).
/// </summary>
[Properties(Arbitrary = [typeof(OptimizerArbitraries)], MaxTest = 60)]
public sealed class FloatOptimizerProperties
{
    private static IEnumerable<GradientTransformation> Fusable(int layers) =>
        OptimizerCase.All.Select(c => c.Transformation).Concat(
        [
            Transform.Chain(Transform.Freeze(new ParameterMask([.. Enumerable.Range(0, layers).Select(l => new LayerMask(l % 2 == 0, true))])),
                Optimizer.SgdMomentum(0.1, 0.5)),
            Transform.Chain(Transform.ClipByGlobalNorm(0.001), Optimizer.RmsProp(0.01)),
            Transform.Chain(Transform.Identity(), Optimizer.Adam(0.01)),
        ]);

    [Property]
    public void A_float_step_is_the_float_arithmetic_written_out_element_by_element(TrainingScenario s)
    {
        foreach (var c in OptimizerCase.All)
        {
            var reference = FloatReference.For(c.Name);
            var p = s.Parameters.Convert<float>();
            var expected = Enumerable.Range(0, 2 * p.Count).Select(t => FloatTrees.TensorArray([.. p.Layers], t)).ToArray();
            var state = c.Transformation.InitialState(p);
            foreach (var gradients in s.Gradients)
            {
                var g = gradients.Convert<float>();
                (p, state) = c.Transformation.Step(p, g, state);
                reference.Step(expected, [.. Enumerable.Range(0, 2 * g.Count).Select(t => FloatTrees.TensorArray([.. g.Layers], t))]);
                for (var t = 0; t < expected.Length; t++)
                    Assert.True(Bits(expected[t]).SequenceEqual(Bits(FloatTrees.TensorArray([.. p.Layers], t))),
                        $"{c.Name}: tensor {t} differs from the float reference: [{string.Join(", ", expected[t])}] vs [{string.Join(", ", FloatTrees.TensorArray([.. p.Layers], t))}]");
            }
        }
    }

    [Property]
    public void A_fused_float_step_is_update_then_apply_bit_for_bit(TrainingScenario s)
    {
        foreach (var optimizer in Fusable(s.Parameters.Count))
        {
            var p = s.Parameters.Convert<float>();
            var q = p;
            var (state, reference) = (optimizer.InitialState(p), optimizer.InitialState(p));
            foreach (var gradients in s.Gradients)
            {
                var g = gradients.Convert<float>();
                (p, state) = optimizer.Step(p, g, state);
                var (u, next) = ElementwisePass.Update(optimizer.Elementwise!, g, reference, q);
                (q, reference) = (q.Apply(u), next);
                Assert.Equal(q.ContentHash(), p.ContentHash());
                Assert.Equal(reference.ContentHash(), state.ContentHash());
            }
        }
    }

    [Property]
    public void Every_float_vector_width_gives_the_same_bits(TrainingScenario s)
    {
        var p = s.Parameters.Convert<float>();
        foreach (var optimizer in Fusable(p.Count))
        {
            var state = optimizer.InitialState(p);
            foreach (var gradients in s.Gradients)
            {
                var g = gradients.Convert<float>();
                var runs = new[] { 16, 8, 1 }.Select(width => Run(optimizer, p, g, state, width)).ToList();
                Assert.All(runs, r => Assert.Equal(runs[0], r));
                state = ElementwisePass.Update(optimizer.Elementwise!, g, state, p).State;
            }
        }
    }

    [Fact]
    public void Long_float_tensors_with_ragged_tails_give_the_same_bits_at_every_width()
    {
        var random = new Random(11);
        Tensor<float> Random(int r, int c, double scale) => Tensor<float>.Build(r, c, (_, _) => (float)(scale * (random.NextDouble() - 0.5)));
        var p = Parameters<float>.FromTrustedLayers([new LayerTensors<float>(Random(13, 29, 2), Random(1, 13, 2)), new LayerTensors<float>(Random(3, 13, 2), Random(1, 3, 2))]);
        Gradients<float> G() => new([.. p.Layers.Select(l => new LayerTensors<float>(Random(l.Weights.Rows, l.Weights.Columns, 1e-2), Random(1, l.Bias.Columns, 1e-2)))]);
        foreach (var optimizer in Fusable(p.Count))
        {
            var state = ElementwisePass.Update(optimizer.Elementwise!, G(), optimizer.InitialState(p), p).State;
            var g = G();
            var runs = new[] { 16, 8, 1 }.Select(width => Run(optimizer, p, g, state, width)).ToList();
            // At width 16 the 377 first-layer weights take 23 groups of 16, one of 8 and one single element.
            Assert.All(runs, r => Assert.Equal(runs[0], r));
        }
    }

    [Property]
    public void Clipping_after_another_transformation_runs_tree_by_tree_on_floats_as_written_out(TrainingScenario s)
    {
        var p = s.Parameters.Convert<float>();
        var g = s.Gradients[0].Convert<float>();
        var maxNorm = 0.05 * g.GlobalNorm() + 1e-6; // half the norm of u = −0.1·g: clipped unless g is 0
        var lateClip = Transform.Chain(Optimizer.Sgd(0.1), Transform.ClipByGlobalNorm(maxNorm));
        Assert.Null(lateClip.Elementwise);
        var (stepped, state) = lateClip.Step(p, g, lateClip.InitialState(p));

        var minusRate = (float)-0.1;
        var u = Enumerable.Range(0, 2 * g.Count).Select(t => FloatTrees.TensorArray([.. g.Layers], t).Select(x => minusRate * x).ToArray()).ToArray();
        var sumOfSquares = 0.0;
        for (var t = 0; t < u.Length; t += 2) sumOfSquares += u[t].Sum(x => (double)x * x) + u[t + 1].Sum(x => (double)x * x);
        var norm = Math.Sqrt(sumOfSquares);
        for (var t = 0; t < u.Length; t++)
        {
            var expected = FloatTrees.TensorArray([.. p.Layers], t)
                .Select((x, i) => x + (norm <= maxNorm ? u[t][i] : u[t][i] / (float)norm * (float)maxNorm)).ToArray();
            Assert.Equal(Bits(expected), Bits(FloatTrees.TensorArray([.. stepped.Layers], t)));
        }
        Assert.Equal(new ChainState([new CountState(1), EmptyState.Instance]), state);
    }

    [Fact]
    public void Float_states_keep_their_kind_names_and_hold_float_moments()
    {
        var p = TutorialExample.Parameters.Convert<float>();
        var adam = Assert.IsType<ChainState>(Optimizer.Adam(0.01).InitialState(p));
        var moments = Assert.IsType<AdamState<float>>(adam.States[0]);
        Assert.Equal("adam", moments.Kind);
        Assert.Equal(Gradients<float>.ZerosLike(p), moments.Mu);
        Assert.Equal("rms", Assert.IsType<RmsState<float>>(Assert.IsType<ChainState>(Optimizer.RmsProp(0.01).InitialState(p)).States[0]).Kind);
        Assert.Equal("momentum", Assert.IsType<MomentumState<float>>(Assert.IsType<ChainState>(Optimizer.SgdMomentum(0.1).InitialState(p)).States[0]).Kind);
        Assert.Equal(Optimizer.Adam(0.01).Init(TutorialExample.Parameters), Optimizer.Adam(0.01).InitialState(TutorialExample.Parameters));
    }

    [Fact]
    public void A_double_state_given_to_a_float_step_is_refused_naming_both_element_types()
    {
        var adam = Optimizer.Adam(0.01);
        var p = TutorialExample.Parameters.Convert<float>();
        var g = Gradients<float>.ZerosLike(p);
        var error = Assert.Throws<ArgumentException>(() => adam.Step(p, g, adam.Init(TutorialExample.Parameters)));
        Assert.Contains("expected a 'adam' state of Single moments, got one of Double", error.Message);
    }

    [Fact]
    public void An_opaque_transformation_runs_on_doubles_and_is_refused_on_floats_by_name()
    {
        var opaque = new GradientTransformation("halve", _ => EmptyState.Instance, (g, s, _) => (g.Scale(-0.5), s));
        var p = TutorialExample.Parameters.Convert<float>();
        var g = Gradients<float>.ZerosLike(p);
        Assert.Equal(TutorialExample.Parameters, opaque.Step(TutorialExample.Parameters, Gradients.ZerosLike(TutorialExample.Parameters), EmptyState.Instance).Parameters);
        Assert.StartsWith("halve: this transformation is made from functions over double trees",
            Assert.Throws<ArgumentException>(() => opaque.Step(p, g, EmptyState.Instance)).Message);
        Assert.Contains("not on Single", Assert.Throws<ArgumentException>(() => opaque.InitialState(p)).Message);
        var maskedLateClip = Transform.Masked(Transform.Chain(Optimizer.Sgd(0.1), Transform.ClipByGlobalNorm(1)),
            ParameterMask.Biases(TutorialExample.Network));
        Assert.StartsWith("masked(chain(sgd(lr=0.1), clip_by_global_norm(max_norm=1)), mask=[- b] [- b]): this transformation is made from functions over double trees",
            Assert.Throws<ArgumentException>(() => maskedLateClip.Step(p, g, maskedLateClip.Init(TutorialExample.Parameters))).Message);
    }

    [Fact]
    public void Float_parameters_apply_updates_element_by_element_in_float()
    {
        var p = TutorialExample.Parameters.Convert<float>();
        var u = new Gradients<float>([.. p.Layers.Select(l => new LayerTensors<float>(l.Weights.Map(x => x / 3), l.Bias.Map(x => -x / 7)))]);
        var expected = Parameters<float>.FromTrustedLayers([.. p.Layers.Zip(u.Layers, (a, b) =>
            new LayerTensors<float>(a.Weights.Zip(b.Weights, (x, y) => x + y), a.Bias.Zip(b.Bias, (x, y) => x + y)))]);
        Assert.Equal(expected, p.Apply(u));
    }

    [Fact]
    public void Recycled_arrays_of_floats_and_doubles_of_one_length_are_kept_apart()
    {
        var arrays = StepArrays.Recycling();
        var floats = arrays.Take<float>(5);
        var doubles = arrays.Take<double>(5);
        arrays.StepEnded();
        arrays.StepEnded();
        Assert.Same(doubles, arrays.Take<double>(5));
        Assert.Same(floats, arrays.Take<float>(5));
    }

    /// <summary>The updates and next state of one float step with groups of at most <paramref name="width"/> elements, as hashes.</summary>
    private static string Run(GradientTransformation optimizer, Parameters<float> p, Gradients<float> g, OptimizerState state, int width)
    {
        var step = optimizer.Elementwise!.Begin<float>(state, () => ElementwisePass.GlobalNorm(ElementwisePass.Memories(g)));
        var hashes = new List<string>();
        for (var t = 0; t < 2 * p.Count; t++)
        {
            var u = MomentTree.TensorOf(g, t).ToArray();
            step.Run(t, 0, u, MomentTree.TensorOf(p, t).Span, width);
            hashes.Add(Tensor<float>.FromRowMajor(1, u.Length, u).ThrowIfFail().ContentHash());
        }
        return string.Join(",", hashes) + "|" + step.Finish().ContentHash();
    }

    private static int[] Bits(float[] values) => [.. values.Select(BitConverter.SingleToInt32Bits)];
}
