using FsCheck.Xunit;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using Xunit;

namespace Functional.NN.Tests.Optimizers;

/// <summary>Laws every optimizer obeys, over random shapes, parameters and gradient sequences.</summary>
[Properties(Arbitrary = [typeof(OptimizerArbitraries)], MaxTest = 100)]
public sealed class OptimizerProperties
{
    private static T Copy<T>(LayerTree<T, double> tree) where T : LayerTree<T, double> => tree.Map(t => t.Map(x => x));

    [Property]
    public void Update_never_changes_its_inputs(TrainingScenario s)
    {
        foreach (var o in OptimizerCase.All)
        {
            var opt = o.Transformation;
            // Two runs in lock-step: the replay is built independently and must stay equal to the run under test.
            var (p, state) = (s.Parameters, opt.Init(s.Parameters));
            var (replayP, replayState) = (Copy(s.Parameters), opt.Init(Copy(s.Parameters)));
            foreach (var g in s.Gradients)
            {
                var (pHash, gHash, stateHash) = (p.ContentHash(), g.ContentHash(), state.ContentHash());
                var gCopy = Copy(g);
                var (updates, next) = opt.Update(g, state, p);

                Assert.True(p.Equals(replayP) && p.ContentHash() == pHash, $"{o}: parameters changed");
                Assert.True(g.Equals(gCopy) && g.ContentHash() == gHash, $"{o}: gradients changed");
                Assert.True(state.Equals(replayState) && state.ContentHash() == stateHash, $"{o}: state changed");

                (p, state) = (p.Apply(updates), next);
                (replayP, replayState) = opt.Step(replayP, gCopy, replayState);
            }
        }
    }

    [Property]
    public void Zero_gradients_leave_the_parameters_unchanged(TrainingScenario s)
    {
        var zeros = Gradients.ZerosLike(s.Parameters);
        foreach (var o in OptimizerCase.All.Where(o => !o.DecaysWeights))
        {
            var (p, state) = (s.Parameters, o.Transformation.Init(s.Parameters));
            for (var step = 1; step <= s.Gradients.Length + 2; step++)
            {
                (p, state) = o.Transformation.Step(p, zeros, state);
                Assert.True(p.Equals(s.Parameters), $"{o}: parameters moved at step {step} with zero gradients");
            }
        }
    }

    [Property]
    public void AdamW_with_zero_gradients_shrinks_weights_and_biases_by_one_minus_lr_times_decay(TrainingScenario s)
    {
        const double lr = 0.01, decay = 0.1;
        var opt = Optimizer.AdamW(lr, weightDecay: decay);
        var (p, state) = (s.Parameters, opt.Init(s.Parameters));
        for (var step = 1; step <= s.Gradients.Length; step++)
        {
            (p, state) = opt.Step(p, Gradients.ZerosLike(p), state);
            var factor = Math.Pow(1 - lr * decay, step);
            var expected = s.Parameters.MapScalars(x => x * factor);
            var worst = expected.ZipScalars(p, (e, a) => Math.Abs(e - a) / Math.Max(1e-300, Math.Abs(e))).Layers
                .SelectMany(l => l.Weights.ToArray().Concat(l.Bias.ToArray()))
                .Where(double.IsFinite).DefaultIfEmpty(0).Max();
            Assert.True(worst <= 1e-13, $"step {step}: relative deviation {worst:E3} from p·(1-ηλ)^t");
        }
    }

    [Property]
    public void Chain_with_identity_on_either_side_is_the_optimizer(TrainingScenario s)
    {
        foreach (var o in OptimizerCase.All)
        {
            var runs = new[]
            {
                o.Transformation,
                Transform.Chain(Transform.Identity(), o.Transformation),
                Transform.Chain(o.Transformation, Transform.Identity()),
            };
            var p = runs.Select(_ => s.Parameters).ToArray();
            var states = runs.Select(r => r.Init(s.Parameters)).ToArray();
            foreach (var g in s.Gradients)
            {
                for (var i = 0; i < runs.Length; i++) (p[i], states[i]) = runs[i].Step(p[i], g, states[i]);
                Assert.True(p[1].Equals(p[0]), $"{o}: Chain(Identity, opt) differs from opt");
                Assert.True(p[2].Equals(p[0]), $"{o}: Chain(opt, Identity) differs from opt");
            }
        }
    }

    [Property]
    public void ClipByGlobalNorm_bounds_the_norm_and_keeps_small_gradients(ClipScenario s)
    {
        var clip = Transform.ClipByGlobalNorm(s.MaxNorm);
        var parameters = Parameters.FromTrustedLayers(s.Gradients.Map(t => t.Map(_ => 1.0)).Layers);
        var (clipped, state) = clip.Update(s.Gradients, clip.Init(parameters), parameters);
        var norm = s.Gradients.GlobalNorm();

        Assert.IsType<EmptyState>(state);
        Assert.True(clipped.GlobalNorm() <= s.MaxNorm * (1 + 1e-12), $"norm {clipped.GlobalNorm():R} > max {s.MaxNorm:R}");
        if (norm <= s.MaxNorm)
            Assert.True(clipped.Equals(s.Gradients), "a gradient within the bound was changed");
        else
        {
            Assert.True(Math.Abs(clipped.GlobalNorm() - s.MaxNorm) <= 1e-12 * s.MaxNorm, "a clipped gradient does not have the bound as norm");
            var ratio = s.MaxNorm / norm;
            var aligned = s.Gradients.ZipScalars(clipped, (g, c) => Math.Abs(c - g * ratio) <= 1e-12 * Math.Abs(g * ratio) ? 1.0 : 0.0);
            Assert.True(aligned.Layers.All(l => l.Weights.Span.IndexOf(0.0) < 0 && l.Bias.Span.IndexOf(0.0) < 0),
                "clipping changed the direction");
        }
    }
}
