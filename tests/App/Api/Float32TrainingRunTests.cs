using Functional.NN.Experiments;
using Functional.NN.Tests.App.Runs;
using Xunit;

namespace Functional.NN.Tests.App.Api;

/// <summary>
/// A float32 experiment end to end: it trains in float32 (a float32 model file whose parameters differ from the
/// float64 run's), a run stopped and resumed from its float32 checkpoint ends on the bits of the uninterrupted one,
/// and evaluating the model file gives the loss of the in-process float32 pass.
/// </summary>
public sealed class Float32TrainingRunTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    [Fact]
    public void A_float32_run_stopped_and_resumed_ends_on_the_bits_of_the_uninterrupted_one()
    {
        var single = FinAssert.Succeeds(FinAssert.Succeeds(ExperimentFile.Load(SmallExperiments.TwoMoons(_directory, epochs: 4))).WithDtype(ElementType.Float32));
        var whole = FinAssert.Succeeds(TrainingRuns.Train(single, new RunOptions(_directory.File("whole"))));
        var stopped = FinAssert.Succeeds(TrainingRuns.Train(single, new RunOptions(_directory.File("parts")) { Stop = p => p.Step == 17 }));
        Assert.False(stopped.Completed);

        var resumed = FinAssert.Succeeds(TrainingRuns.Resume(stopped.Directory, new RunOptions()));

        Assert.True(resumed.Completed);
        Assert.Equal(whole.ParametersHash, resumed.ParametersHash);
        var model = Assert.IsType<TrainedModel<float>>(FinAssert.Succeeds(TrainedModel.Load(whole.ModelFile)));
        Assert.Equal(whole.ParametersHash, model.Parameters.ContentHash());
    }

    [Fact]
    public void A_float32_run_computes_in_float32_not_in_float64_rounded()
    {
        var file = FinAssert.Succeeds(ExperimentFile.Load(SmallExperiments.TwoMoons(_directory, epochs: 2)));
        var wide = FinAssert.Succeeds(TrainingRuns.Train(file, new RunOptions(_directory.File("wide"))));
        var single = FinAssert.Succeeds(TrainingRuns.Train(FinAssert.Succeeds(file.WithDtype(ElementType.Float32)), new RunOptions(_directory.File("single"))));

        var wideModel = Assert.IsType<TrainedModel<double>>(FinAssert.Succeeds(TrainedModel.Load(wide.ModelFile)));
        var singleModel = Assert.IsType<TrainedModel<float>>(FinAssert.Succeeds(TrainedModel.Load(single.ModelFile)));
        // Both start from the same initial numbers (float32's rounded) and train on the same batches: close, not equal.
        Assert.NotEqual(wideModel.Parameters.Convert<float>(), singleModel.Parameters);
        var largest = wideModel.Parameters.Layers.Zip(singleModel.Parameters.Layers)
            .SelectMany(p => p.Item1.Weights.Span.ToArray().Zip(p.Item2.Weights.Span.ToArray(), (a, b) => Math.Abs(a - b)))
            .Max();
        Assert.True(largest < 1e-3, $"float32 and float64 runs differ by {largest} in a weight");
    }

    public void Dispose() => _directory.Dispose();
}
