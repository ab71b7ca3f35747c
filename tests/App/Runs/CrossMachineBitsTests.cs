using System.Diagnostics;
using System.Security.Cryptography;
using Functional.NN.App.Commands;
using Functional.NN.Experiments.Runs;
using Xunit;
using Xunit.Abstractions;

namespace Functional.NN.Tests.App.Runs;

/// <summary>
/// The determinism contract end to end: the built <c>fnn</c>, started as a child process, trains the same small
/// experiment with one and two threads, with AVX-512 turned off, and with AVX2 and FMA turned off (scalar
/// kernels, software fused multiply-add), and every run writes a <c>model.fnn</c> with the same SHA-256
/// (each run's manifest shows the vector width it really ran at).
/// The layers are wide enough that products, the forward rows and the backward pair are split on two threads,
/// the hidden layer is wider than one k block (256), and the batch (300) is not a multiple of 32 and longer
/// than one k block.
/// </summary>
public sealed class CrossMachineBitsTests(ITestOutputHelper output)
{
    private const string Experiment = """
        {
          "name": "spirals-bits",
          "seed": 7,
          "data": { "source": "generated", "generator": "two_spirals", "count": 800, "noise": 0.02, "seed": 11 },
          "network": {
            "input_size": "infer",
            "layers": [
              { "units": 260, "activation": { "name": "leaky_relu", "parameters": { "slope": 0.05 } } },
              { "units": 16, "activation": "tanh" },
              { "units": 2, "activation": "softmax" }
            ]
          },
          "loss": "softmax_ce",
          "initializer": { "weights": "he_uniform", "bias": "zeros" },
          "optimizer": { "name": "adamw", "learning_rate": 0.01, "weight_decay": 0.0001, "clip_global_norm": 5.0 },
          "training": { "batch_size": 300, "epochs": 3, "validation_split": 0.2, "standardize": true }
        }
        """;

    /// <summary>The settings compared: name and environment variables of the child process.</summary>
    /// <summary>The settings compared: name, environment variables of the child process, and a width the manifest must not name.</summary>
    private static readonly (string Name, (string Variable, string Value)[] Environment, string? NotWidth)[] Settings =
    [
        ("one thread", [("FNN_THREADS", "1")], null),
        ("two threads", [("FNN_THREADS", "2")], null),
        ("no AVX-512", [("FNN_THREADS", "2"), ("DOTNET_EnableAVX512F", "0"), ("DOTNET_EnableAVX512", "0")], "AVX-512"),
        ("no AVX2 or FMA", [("FNN_THREADS", "2"), ("DOTNET_EnableAVX2", "0")], "AVX"),
    ];

    [Fact]
    public void The_model_has_the_same_bits_on_every_thread_count_and_instruction_set()
    {
        using var temp = new TempDirectory();
        var experiment = temp.File("experiment.json");
        File.WriteAllText(experiment, Experiment);
        var hashes = new List<(string Name, string Hash)>();
        foreach (var (name, environment, notWidth) in Settings)
        {
            var run = temp.File(name.Replace(' ', '-'));
            var (code, text) = Fnn(environment, "train", experiment, "--out", run, "--quiet");
            Assert.True(code == 0, $"{name}: fnn train exited with {code}: {text}");
            // The switches must really change the kernels, or this test would compare one width with itself.
            var manifest = File.ReadAllText(new RunDirectory(run).ManifestFile);
            Assert.Contains("managed", manifest);
            if (notWidth is not null) Assert.DoesNotContain(notWidth + " FMA", manifest);
            if (name == "no AVX2 or FMA") Assert.Contains("scalar FMA", manifest);
            output.WriteLine($"{name}: {manifest.Split('\n').FirstOrDefault(l => l.Contains("managed"))?.Trim()}");
            var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(run, "model.fnn"))));
            output.WriteLine($"{name}: {hash}");
            hashes.Add((name, hash));
        }
        foreach (var (name, hash) in hashes)
            Assert.True(hash == hashes[0].Hash, $"{name} gave model.fnn {hash}, {hashes[0].Name} gave {hashes[0].Hash}");
    }

    /// <summary>Runs the built <c>fnn</c> with extra environment variables; the exit code and all its output.</summary>
    private static (int Code, string Text) Fnn((string Variable, string Value)[] environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(typeof(TrainCommand).Assembly.Location);
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var variable in new[] { "FNN_BACKEND", "FNN_THREADS", "DOTNET_EnableAVX512F", "DOTNET_EnableAVX512", "DOTNET_EnableAVX2" })
            start.Environment.Remove(variable);
        foreach (var (variable, value) in environment) start.Environment[variable] = value;
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, text + error.Result);
    }
}
