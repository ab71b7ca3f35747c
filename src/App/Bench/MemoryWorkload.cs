using Functional.NN.Optimizers;
using Functional.NN.Training;

namespace Functional.NN.App.Bench;

/// <summary>
/// The memory check: 10,000 mlp training steps, with the working set (after a full collection) every 1,000
/// steps. Growth is measured from step 1,000, once the heap has reached its steady size. Run twice: through
/// <see cref="TrainingStep"/> with SGD (whose scratch comes from a shared pool) and through
/// <see cref="Trainer.GradientDescent"/>; one JSON line each.
/// </summary>
internal static class MemoryWorkload
{
    private const int Steps = 10_000, Every = 1_000;
    private const double LearningRate = 0.01;

    /// <summary>Runs the workload and returns its two JSON lines.</summary>
    public static string Run(BenchContext context)
    {
        var network = BenchModels.Mlp();
        var initial = BenchModels.HeUniform(network, seed: 1);
        var batch = BenchModels.Classification(network, MlpWorkload.BatchSize, seed: 2);
        return Line(context, "TrainingStep", BenchModels.StepLosses(network, Optimizer.Sgd(LearningRate), initial, batch)) + Environment.NewLine +
               Line(context, "Trainer.GradientDescent", Trainer.GradientDescent(network, initial, batch, LearningRate).Select(s => s.Loss));
    }

    private static string Line(BenchContext context, string api, IEnumerable<double> losses)
    {
        var samples = new List<long>();
        var loss = double.NaN;
        using (var steps = losses.GetEnumerator())
        {
            steps.MoveNext();
            for (var i = 1; i <= Steps; i++)
            {
                steps.MoveNext();
                if (i % Every == 0) samples.Add(BenchContext.SettledWorkingSet());
            }
            loss = steps.Current;
        }
        var line = context.Header("memory");
        line["api"] = api;
        line["steps"] = Steps;
        line["working_set_bytes_every_1000_steps"] = samples;
        line["working_set_growth_bytes_from_step_1000"] = samples[^1] - samples[0];
        line["working_set_max_minus_min_bytes"] = samples.Max() - samples.Min();
        line["working_set_mean_steps_1000_5000_bytes"] = (long)samples.Take(5).Average();
        line["working_set_mean_steps_6000_10000_bytes"] = (long)samples.Skip(5).Average();
        line["last_step_loss"] = loss;
        return Stats.Json(line);
    }
}
