using Functional.NN.Experiments.Runs;
using Xunit;

namespace Functional.NN.Tests.App.Runs;

/// <summary>A run stopped between checkpoints and resumed ends exactly where the uninterrupted run ends.</summary>
public sealed class ResumeTests
{
    private static RunManifest Manifest(string run) => FinAssert.Succeeds(RunManifest.Load(Path.Combine(run, "manifest.json")));

    [Theory]
    [InlineData(3)]   // before the first checkpoint: resume starts again from step 0
    [InlineData(25)]  // mid-epoch, between the checkpoints of steps 21 and 28
    [InlineData(30)]  // at an epoch end, after the metrics row was written but past the last checkpoint
    public void Interrupted_and_resumed_equals_uninterrupted(int stopAfter)
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.TwoMoons(temp);
        Assert.Equal(0, CommandRun.Train(experiment, temp.File("whole")).Code);

        var stopped = CommandRun.Train(experiment, temp.File("parts"), interrupt: p => p.Step >= stopAfter);
        Assert.Equal(1, stopped.Code);
        Assert.Contains("interrupted at step", stopped.Error);
        Assert.False(File.Exists(temp.File("parts/COMPLETE")));
        Assert.Equal(RunManifest.Running, Manifest(temp.File("parts")).Status);

        var resumed = CommandRun.Resume(temp.File("parts"));
        Assert.True(resumed.Code == 0, resumed.Error);
        Assert.Equal(Manifest(temp.File("whole")).ParametersHashEnd, Manifest(temp.File("parts")).ParametersHashEnd);
        Assert.Equal(File.ReadAllBytes(temp.File("whole/model.fnn")), File.ReadAllBytes(temp.File("parts/model.fnn")));
        Assert.Equal(File.ReadAllBytes(temp.File("whole/best.fnn")), File.ReadAllBytes(temp.File("parts/best.fnn")));
        Assert.Equal(SmallExperiments.MetricsWithoutSeconds(temp.File("whole")), SmallExperiments.MetricsWithoutSeconds(temp.File("parts")));
        Assert.True(File.Exists(temp.File("parts/COMPLETE")));
    }

    [Fact]
    public void Resume_falls_back_past_a_corrupt_newest_checkpoint_and_says_so()
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.TwoMoons(temp);
        Assert.Equal(0, CommandRun.Train(experiment, temp.File("whole")).Code);
        Assert.Equal(1, CommandRun.Train(experiment, temp.File("parts"), interrupt: p => p.Step >= 45).Code);
        var newest = Directory.GetFiles(temp.File("parts/checkpoints"), "step-*.ckpt").Order().Last();
        Assert.EndsWith("step-000000000042.ckpt", newest);
        var bytes = File.ReadAllBytes(newest);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(newest, bytes);

        var resumed = CommandRun.Resume(temp.File("parts"));
        Assert.True(resumed.Code == 0, resumed.Error);
        Assert.Contains("skipping a checkpoint that cannot be used", resumed.Output);
        Assert.Contains("checksum mismatch", resumed.Output);
        Assert.Contains("step-000000000035.ckpt: step 35", resumed.Output);
        Assert.Equal(Manifest(temp.File("whole")).ParametersHashEnd, Manifest(temp.File("parts")).ParametersHashEnd);
        Assert.Equal(SmallExperiments.MetricsWithoutSeconds(temp.File("whole")), SmallExperiments.MetricsWithoutSeconds(temp.File("parts")));
        Assert.Equal([35L], Manifest(temp.File("parts")).ResumedFromSteps);
    }

    [Fact]
    public void A_run_can_be_interrupted_and_resumed_more_than_once()
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.TwoMoons(temp);
        Assert.Equal(0, CommandRun.Train(experiment, temp.File("whole")).Code);
        Assert.Equal(1, CommandRun.Train(experiment, temp.File("parts"), interrupt: p => p.Step >= 16).Code);
        Assert.Equal(1, CommandRun.Resume(temp.File("parts"), interrupt: p => p.Step >= 40).Code);
        Assert.Equal(0, CommandRun.Resume(temp.File("parts")).Code);
        Assert.Equal(Manifest(temp.File("whole")).ParametersHashEnd, Manifest(temp.File("parts")).ParametersHashEnd);
        Assert.Equal([14L, 35L], Manifest(temp.File("parts")).ResumedFromSteps);
    }

    [Fact]
    public void Resume_refuses_a_complete_run_and_an_edited_experiment()
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.TwoMoons(temp, epochs: 2);
        Assert.Equal(0, CommandRun.Train(experiment, temp.File("done")).Code);
        Assert.Contains("already complete", CommandRun.Resume(temp.File("done")).Error);

        Assert.Equal(1, CommandRun.Train(experiment, temp.File("parts"), interrupt: p => p.Step >= 8).Code);
        var file = temp.File("parts/experiment.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"epochs\": 2", "\"epochs\": 3"));
        var resumed = CommandRun.Resume(temp.File("parts"));
        Assert.Equal(1, resumed.Code);
        Assert.Contains("no longer matches the run", resumed.Error);
    }

    [Fact]
    public void Train_refuses_a_directory_with_an_unfinished_run()
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.TwoMoons(temp, epochs: 2);
        Assert.Equal(1, CommandRun.Train(experiment, temp.File("parts"), interrupt: p => p.Step >= 8).Code);
        var again = CommandRun.Train(experiment, temp.File("parts"));
        Assert.Equal(1, again.Code);
        Assert.Contains("holds an unfinished run; continue it with 'fnn resume", again.Error);
    }
}
