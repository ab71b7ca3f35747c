using System.Diagnostics;
using System.Globalization;
using Functional.NN.Tests.App.Evaluation;
using Functional.NN.Tests.App.Experiments;
using Xunit;
using Xunit.Abstractions;

namespace Functional.NN.Tests.App.Storage;

/// <summary>
/// Weights that travel, checked against PyTorch (Debian's python3-torch, float64) through
/// <c>scripts/safetensors_torch.py</c>: a trained model exported with <c>fnn export-safetensors</c> and rebuilt as a
/// <c>torch.nn.Sequential</c> predicts what <c>fnn predict</c> predicts, and weights written from PyTorch and
/// imported with <c>fnn import-safetensors</c> predict in <c>fnn predict</c> what they predict in PyTorch, both
/// within 1e-12. Skipped, saying why, when /usr/bin/python3 cannot import torch and numpy.
/// </summary>
public sealed class SafetensorsPyTorchTests(ITestOutputHelper output) : IDisposable
{
    private const string Python = "/usr/bin/python3";
    private const double Tolerance = 1e-12;
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    private static readonly Lazy<string?> TorchMissing = new(() =>
    {
        if (!File.Exists(Python)) return $"{Python} not found (apt-get install python3-torch python3-numpy)";
        var (code, text) = Run(Python, "-c", "import torch, numpy");
        return code == 0 ? null : $"{Python} cannot import torch and numpy (apt-get install python3-torch python3-numpy): {text.Trim()}";
    });

    private static string Script => Path.Combine(Path.GetDirectoryName(ExampleExperimentTests.ExamplesFolder)!, "scripts", "safetensors_torch.py");

    [SkippableFact]
    public void A_trained_model_exported_to_PyTorch_predicts_what_fnn_predict_predicts()
    {
        Skip.If(TorchMissing.Value is not null, TorchMissing.Value);
        var (inputs, data) = WriteInputs();
        var experiment = WriteExperiment("exported", """
            [ { "units": 12, "activation": { "name": "leaky_relu", "parameters": { "slope": 0.05 } } },
              { "units": 8, "activation": "elu" }, { "units": 6, "activation": "tanh" }, { "units": 3, "activation": "softmax" } ]
            """, "softmax_ce");
        var run = _directory.File("run");
        var (code, text, error) = Functional.NN.Tests.App.Runs.CommandRun.Train(experiment, run, epochs: 3);
        Assert.True(code == 0, text + error);

        var model = Path.Combine(run, "model.fnn");
        var exported = _directory.File("model.safetensors");
        Succeeds(CommandHarness.Run("export-safetensors", model, "--out", exported));
        Succeeds(CommandHarness.Run("predict", model, "--data", data, "--out", _directory.File("fnn.csv")));
        Python3("predict", exported, "--inputs", inputs, "--out", _directory.File("torch.csv"));

        AssertSamePredictions(_directory.File("fnn.csv"), _directory.File("torch.csv"), 300, 3);
    }

    [SkippableFact]
    public void Weights_written_from_PyTorch_predict_in_fnn_what_they_predict_in_PyTorch()
    {
        Skip.If(TorchMissing.Value is not null, TorchMissing.Value);
        var (inputs, data) = WriteInputs();
        var experiment = WriteExperiment("imported", """
            [ { "units": 16, "activation": "relu" }, { "units": 8, "activation": "sigmoid" }, { "units": 3, "activation": "softmax" } ]
            """, "softmax_ce");
        var weights = _directory.File("torch.safetensors");
        Python3("write", weights, "--layer-sizes", "2,16,8,3", "--activations", "relu,sigmoid,softmax", "--loss", "softmax_ce",
            "--seed", "5", "--standardize-from", inputs);

        var model = _directory.File("imported.fnn");
        var imported = Succeeds(CommandHarness.Run("import-safetensors", weights, "--experiment", experiment, "--out", model));
        Assert.Contains("input size 2 taken from layers.0.weight", imported.Output);
        Assert.Contains("standardizes raw inputs", imported.Output);
        Succeeds(CommandHarness.Run("predict", model, "--data", data, "--out", _directory.File("fnn.csv")));
        Python3("predict", weights, "--inputs", inputs, "--out", _directory.File("torch.csv"));

        AssertSamePredictions(_directory.File("fnn.csv"), _directory.File("torch.csv"), 300, 3);
    }

    /// <summary>300 points in three classes on a spiral-ish plane, written as CSV, and the <c>--data</c> spec that reads them.</summary>
    private (string Path, string Spec) WriteInputs()
    {
        var path = _directory.File("inputs.csv");
        var lines = new List<string> { "x1,x2,label" };
        for (var i = 0; i < 300; i++)
        {
            var (r, t) = (0.05 + i / 100.0, 0.37 * i);
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{3 + r * Math.Cos(t):R},{-2 + 0.5 * r * Math.Sin(t):R},{"abc"[i % 3]}"));
        }
        File.WriteAllLines(path, lines);
        return (path, $"csv:{path},label=label,features=x1+x2");
    }

    private string WriteExperiment(string name, string layers, string loss)
    {
        var path = _directory.File(name + ".json");
        File.WriteAllText(path, $$"""
            {
              "name": "{{name}}",
              "data": { "source": "csv", "path": "inputs.csv", "label_column": "label", "feature_columns": ["x1", "x2"] },
              "network": { "layers": {{layers}} },
              "loss": "{{loss}}",
              "optimizer": { "name": "adam", "learning_rate": 0.02 },
              "training": { "batch_size": 16, "epochs": 3, "standardize": true }
            }
            """);
        return path;
    }

    private void AssertSamePredictions(string fnnCsv, string torchCsv, int rows, int outputs)
    {
        var (fnn, torch) = (Outputs(fnnCsv, outputs), Outputs(torchCsv, outputs));
        Assert.Equal(rows, fnn.Count);
        Assert.Equal(rows, torch.Count);
        var largest = fnn.Zip(torch, (a, b) => a.Zip(b, (x, y) => Math.Abs(x - y)).Max()).Max();
        output.WriteLine($"largest |fnn predict - PyTorch| over {rows} x {outputs} outputs: {largest:R}");
        Assert.True(largest <= Tolerance, $"fnn predict and PyTorch differ by {largest:R} (more than {Tolerance})");
        Assert.True(fnn.SelectMany(r => r).Distinct().Count() > rows, "the outputs are suspiciously uniform");
    }

    /// <summary>The output columns (after <c>row</c>) of a predictions CSV file.</summary>
    private static List<double[]> Outputs(string path, int outputs) =>
        [.. File.ReadAllLines(path).Skip(1).Select(line => line.Split(',').Skip(1).Take(outputs).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray())];

    private static CommandRun Succeeds(CommandRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        return run;
    }

    private void Python3(params string[] arguments)
    {
        var (code, text) = Run(Python, [Script, .. arguments]);
        output.WriteLine(text);
        Assert.True(code == 0, $"safetensors_torch.py {string.Join(' ', arguments)} exited with {code}: {text}");
    }

    private static (int Code, string Text) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, text + error.Result);
    }
}
