using Functional.NN.Experiments.Runs;
using Functional.NN.Experiments.Storage;
using Xunit;

namespace Functional.NN.Tests.App.Runs;

/// <summary>
/// Every way a run can end leaves its directory in a state of docs/run-states.md: these tests produce the
/// states that the other run tests do not (a failed final save, stray temporaries, a damaged manifest, a
/// diverged run asked to train again, a directory locked by another process).
/// </summary>
public sealed class RunStateTests
{
    private static RunManifest Manifest(string run) => FinAssert.Succeeds(RunManifest.Load(Path.Combine(run, "manifest.json")));

    [Fact]
    public void A_failed_final_save_is_recorded_as_failed_with_the_reason_and_the_run_resumes_once_fixed()
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.TwoMoons(temp);
        Assert.Equal(0, CommandRun.Train(experiment, temp.File("whole")).Code);
        var run = temp.File("run");
        var result = CommandRun.Train(experiment, run, interrupt: p =>
        {
            if (p.Step == 1) Directory.CreateDirectory(Path.Combine(run, "model.fnn")); // the final save cannot replace a directory
            return false;
        });
        Assert.Equal(1, result.Code);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("fnn: error: ", result.Error);
        Assert.Contains("model.fnn", result.Error);
        var failed = Manifest(run);
        Assert.Equal(RunManifest.Failed, failed.Status);
        Assert.Contains("model.fnn", failed.Error);
        Assert.False(File.Exists(Path.Combine(run, "COMPLETE")));

        Directory.Delete(Path.Combine(run, "model.fnn"));
        var resumed = CommandRun.Resume(run);
        Assert.True(resumed.Code == 0, resumed.Error);
        Assert.Equal(Manifest(temp.File("whole")).ParametersHashEnd, Manifest(run).ParametersHashEnd);
        Assert.Equal(RunManifest.Complete, Manifest(run).Status);
    }

    [Fact]
    public void Resume_removes_stray_temporaries_of_every_kind()
    {
        using var temp = new TempDirectory();
        var run = temp.File("run");
        Assert.Equal(1, CommandRun.Train(SmallExperiments.TwoMoons(temp), run, interrupt: p => p.Step >= 10).Code);
        string[] strays =
        [
            $".metrics.csv.{Guid.NewGuid():N}.tmp", $".loss.png.{Guid.NewGuid():N}.tmp", $".model.fnn.{Guid.NewGuid():N}.tmp",
            $".manifest.json.{Guid.NewGuid():N}.tmp", $"checkpoints/.step-000000000014.ckpt.{Guid.NewGuid():N}.tmp",
        ];
        foreach (var stray in strays) File.WriteAllText(Path.Combine(run, stray), "half written");
        File.WriteAllText(Path.Combine(run, "notes.tmp"), "not a temporary of ours");

        var resumed = CommandRun.Resume(run);
        Assert.True(resumed.Code == 0, resumed.Error);
        foreach (var stray in strays)
        {
            Assert.False(File.Exists(Path.Combine(run, stray)), stray);
            Assert.Contains($"removed the stray temporary {stray}", resumed.Output);
        }
        Assert.True(File.Exists(Path.Combine(run, "notes.tmp")));
    }

    [Theory]
    [InlineData(false)] // the backup is intact: it is used
    [InlineData(true)]  // the backup is damaged too: the manifest is rebuilt from experiment.json
    public void A_damaged_manifest_is_recovered_and_the_run_ends_bit_identical(bool backupDamaged)
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.TwoMoons(temp);
        Assert.Equal(0, CommandRun.Train(experiment, temp.File("whole")).Code);
        var run = temp.File("run");
        Assert.Equal(1, CommandRun.Train(experiment, run, interrupt: p => p.Step >= 25).Code);
        File.WriteAllText(Path.Combine(run, "manifest.json"), "{\"status\": \"runn");
        if (backupDamaged) File.WriteAllBytes(Path.Combine(run, ".manifest.json.bak"), [0, 1, 2]);

        var resumed = CommandRun.Resume(run);
        Assert.True(resumed.Code == 0, resumed.Error);
        Assert.Contains(backupDamaged ? "rebuilding it from experiment.json" : "using its backup", resumed.Output);
        Assert.Equal(Manifest(temp.File("whole")).ParametersHashEnd, Manifest(run).ParametersHashEnd);
        Assert.Equal(File.ReadAllBytes(temp.File("whole/model.fnn")), File.ReadAllBytes(Path.Combine(run, "model.fnn")));
    }

    [Fact]
    public void Train_into_a_diverged_run_does_not_suggest_resume_and_resume_refuses()
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.LinearRegression(temp, learningRate: 1e6);
        var run = temp.File("run");
        Assert.Equal(1, CommandRun.Train(experiment, run).Code);

        var again = CommandRun.Train(experiment, run);
        Assert.Equal(1, again.Code);
        Assert.Contains("diverged", again.Error);
        Assert.Contains("resuming would diverge again at the same step", again.Error);
        Assert.DoesNotContain("continue it with 'fnn resume", again.Error);
        var resumed = CommandRun.Resume(run);
        Assert.Equal(1, resumed.Code);
        Assert.Contains("resuming would diverge again", resumed.Error);
        Assert.Equal(0, CommandRun.Train(SmallExperiments.LinearRegression(temp, learningRate: 0.01), run, force: true).Code);
    }

    [Fact]
    public void A_locked_run_directory_is_refused_at_once_naming_the_holder_and_left_untouched()
    {
        using var temp = new TempDirectory();
        var experiment = SmallExperiments.TwoMoons(temp);
        var run = temp.File("run");
        Assert.Equal(1, CommandRun.Train(experiment, run, interrupt: p => p.Step >= 10).Code);
        var before = Directory.GetFiles(run, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith(".lock", StringComparison.Ordinal))
            .ToDictionary(f => f, File.ReadAllBytes);

        using (var held = FinAssert.Succeeds(RunLock.Acquire(run, "test holder")))
        {
            foreach (var (code, _, error) in new[] { CommandRun.Resume(run), CommandRun.Train(experiment, run, force: true), CommandRun.Train(experiment, run) })
            {
                Assert.Equal(1, code);
                Assert.Contains($"is in use by another fnn process (pid {Environment.ProcessId} on host {Environment.MachineName}, 'test holder'", error);
            }
            var lockedAgain = RunLock.Acquire(run, "second");
            Assert.True(lockedAgain.IsFail);
        }
        foreach (var (file, bytes) in before) Assert.Equal(bytes, File.ReadAllBytes(file));
        Assert.Equal(0, CommandRun.Resume(run).Code); // released: the run goes on
    }
}
