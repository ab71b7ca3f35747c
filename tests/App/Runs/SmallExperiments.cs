using System.Globalization;
using System.Text;

namespace Functional.NN.Tests.App.Runs;

/// <summary>Small experiment files for run tests: a few hundred steps at most, so each run takes well under a second.</summary>
public static class SmallExperiments
{
    /// <summary>
    /// Two moons, 200 examples, 2-8-2 tanh/softmax, Adam; 160 training examples in batches of 16 (10 steps per
    /// epoch) for <paramref name="epochs"/> epochs, with a checkpoint every <paramref name="checkpointEvery"/> steps.
    /// </summary>
    public static string TwoMoons(TempDirectory directory, int epochs = 6, int checkpointEvery = 7, string optimizer = """{ "name": "adam", "learning_rate": 0.02 }""")
    {
        var json = $$"""
            {
              "name": "moons",
              "seed": 5,
              "data": { "source": "generated", "generator": "two_moons", "count": 200, "noise": 0.1, "seed": 3 },
              "network": { "layers": [ { "units": 8, "activation": "tanh" }, { "units": 2, "activation": "softmax" } ] },
              "loss": "softmax_ce",
              "optimizer": {{optimizer}},
              "training": { "batch_size": 16, "epochs": {{epochs}}, "validation_split": 0.2, "standardize": true },
              "checkpoint": { "every": {{checkpointEvery}}, "unit": "steps", "keep": 2 }
            }
            """;
        var path = directory.File("moons.json");
        File.WriteAllText(path, json, new UTF8Encoding(false));
        return path;
    }

    /// <summary>A regression on a CSV of y = 3x + 1 (40 rows) trained with plain SGD at <paramref name="learningRate"/>, a checkpoint every step.</summary>
    public static string LinearRegression(TempDirectory directory, double learningRate)
    {
        var csv = new StringBuilder("x,y\n");
        for (var i = 0; i < 40; i++)
        {
            var x = i / 4.0;
            csv.Append(CultureInfo.InvariantCulture, $"{x},{3 * x + 1}\n");
        }
        File.WriteAllText(directory.File("line.csv"), csv.ToString());
        var json = $$"""
            {
              "name": "line",
              "data": { "source": "csv", "path": "line.csv", "feature_columns": ["x"], "label_column": "y", "task": "regression" },
              "network": { "layers": [ { "units": 4, "activation": "tanh" }, { "units": 1, "activation": "identity" } ] },
              "loss": "mse",
              "optimizer": { "name": "sgd", "learning_rate": {{learningRate.ToString("R", CultureInfo.InvariantCulture)}} },
              "training": { "batch_size": 8, "epochs": 20, "validation_split": 0.25 },
              "checkpoint": { "every": 1, "unit": "steps", "keep": 2 }
            }
            """;
        var path = directory.File("line.json");
        File.WriteAllText(path, json, new UTF8Encoding(false));
        return path;
    }

    /// <summary>metrics.csv without its seconds column, which is the only part that may differ between runs.</summary>
    public static string[] MetricsWithoutSeconds(string runDirectory) =>
        File.ReadAllLines(Path.Combine(runDirectory, "metrics.csv")).Select(line => line[..line.LastIndexOf(',')]).ToArray();
}
