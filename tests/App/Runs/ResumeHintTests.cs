using Functional.NN.App.Runs;
using Functional.NN.App.Runs.Progress;
using Functional.NN.Experiments.Runs;
using Xunit;

namespace Functional.NN.Tests.App.Runs;

/// <summary>
/// What <c>train</c> and <c>resume</c> print around training: the resume command in the user's invocation style, one
/// number format per kind of metric, and the status line while data loads.
/// </summary>
public sealed class ResumeHintTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    [Fact]
    public void A_build_in_a_checkout_is_resumed_with_dotnet_run_from_the_working_directory()
    {
        var project = Directory.CreateDirectory(_directory.File("repo/src/App")).FullName;
        File.WriteAllText(Path.Combine(project, "App.csproj"), "<Project />");
        var release = Directory.CreateDirectory(Path.Combine(project, "bin/Release/net10.0")).FullName + "/";
        var debug = Directory.CreateDirectory(Path.Combine(project, "bin/Debug/net10.0")).FullName + "/";

        Assert.Equal("dotnet run -c Release --project src/App -- resume runs/x-1",
            ResumeHint.For("runs/x-1", release, _directory.File("repo"), "/usr/bin", release + "fnn", release + "fnn.dll"));
        Assert.Equal("dotnet run --project ../src/App -- resume 'my runs/x-1'",
            ResumeHint.For("my runs/x-1", debug, _directory.File("repo/docs"), null, debug + "fnn", debug + "fnn.dll"));
    }

    [Fact]
    public void An_installed_tool_on_PATH_is_resumed_as_fnn_and_anything_else_by_its_own_path()
    {
        var tools = Directory.CreateDirectory(_directory.File("tools")).FullName;
        var store = Directory.CreateDirectory(_directory.File("store/fnn/0.1.0")).FullName;
        File.WriteAllText(Path.Combine(tools, "fnn"), "");

        Assert.Equal("fnn resume runs/x-1", ResumeHint.For("runs/x-1", store, _directory.Path, $"/usr/bin:{tools}", Path.Combine(tools, "fnn"), Path.Combine(store, "fnn.dll")));
        Assert.Equal($"dotnet {Path.Combine(store, "fnn.dll")} resume runs/x-1",
            ResumeHint.For("runs/x-1", store, _directory.Path, "/usr/bin", "/usr/share/dotnet/dotnet", Path.Combine(store, "fnn.dll")));
    }

    [Fact]
    public void An_interrupted_run_prints_one_line_that_says_what_to_run()
    {
        var experiment = SmallExperiments.TwoMoons(_directory);
        var (code, output, error) = CommandRun.Train(experiment, _directory.File("run"), interrupt: p => p.Step == 7);

        Assert.Equal(1, code);
        Assert.DoesNotContain("interrupted", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("fnn: error: interrupted at step 7 (0 epochs completed); continue with: ", line);
        Assert.EndsWith($" resume {_directory.File("run")}", line);
    }

    [Theory]
    [InlineData(0.23269, "2.3269e-01")]
    [InlineData(0.0609346, "6.0935e-02")]
    [InlineData(6.246e-05, "6.2460e-05")]
    [InlineData(12.5, "1.2500e+01")]
    [InlineData(double.NaN, "NaN")]
    public void Losses_and_rates_have_one_format(double value, string expected)
    {
        Assert.Equal(expected, MetricText.Loss(value));
        Assert.Equal(expected, MetricText.Rate(value));
    }

    [Fact]
    public void The_epoch_line_uses_those_formats()
    {
        var row = new MetricsRow(3, 1407, 0.23269, 0.0609346, 0.87126, 6.246e-05, 12.34);
        Assert.Equal("epoch 3/10  step 1407  train_loss 2.3269e-01  val_loss 6.0935e-02  val_accuracy 0.8713  lr 6.2460e-05  12.3s",
            EpochLines.Format(row, 10));
    }

    [Fact]
    public void The_live_display_shows_a_status_in_place_and_clears_it()
    {
        var terminal = new StringWriter();
        var live = new LiveProgress(terminal);
        live.Status("loading the data of fashion-mnist (fashion_mnist) ...");
        live.Stopped();

        Assert.Equal("\rloading the data of fashion-mnist (fashion_mnist) ..." + "\r" + new string(' ', 53) + "\r", terminal.ToString());
    }
}
