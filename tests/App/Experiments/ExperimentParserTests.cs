using System.Text;
using Functional.NN.Experiments.ExperimentFiles;
using Xunit;

namespace Functional.NN.Tests.App.Experiments;

/// <summary>Experiment files: every error names its key path; typos get the nearest valid key; defaults fill only absent keys.</summary>
public sealed class ExperimentParserTests
{
    private const string Minimal = """
        {
          "data": { "source": "generated", "generator": "xor", "count": 40 },
          "network": { "layers": [ { "units": 4, "activation": "tanh" }, { "units": 2, "activation": "softmax" } ] },
          "loss": "softmax_ce"
        }
        """;

    internal static LanguageExt.Fin<Experiment> Parse(string json) =>
        ExperimentParser.Parse(Encoding.UTF8.GetBytes(json), "test.json", "/tmp", "test");

    private static string With(string key, string value) => Minimal.TrimEnd().TrimEnd('}') + $", \"{key}\": {value} }}";

    [Fact]
    public void A_minimal_file_gets_every_default()
    {
        var experiment = FinAssert.Succeeds(Parse(Minimal));
        Assert.Equal("test", experiment.Name);
        Assert.Equal(0UL, experiment.Seed);
        Assert.Equal(ExperimentParser.DefaultTraining, experiment.Training);
        Assert.Equal(ExperimentParser.DefaultCheckpoint, experiment.Checkpoint);
        Assert.Equal(OptimizerReader.Default, experiment.Optimizer);
        Assert.Equal(new GeneratedDataSpec("xor", 40, 0.1, 0), experiment.Data);
        Assert.Null(experiment.Network.InputSize);
    }

    [Fact]
    public void The_canonical_json_reads_back_as_the_same_experiment()
    {
        var experiment = FinAssert.Succeeds(Parse(With("optimizer",
            """{ "name": "sgd_momentum", "learning_rate": 0.05, "nesterov": true, "clip_global_norm": 2.5, "schedule": { "name": "cosine_decay", "decay_steps": 100, "warmup_steps": 10 } }""")));
        var text = Encoding.UTF8.GetString(ExperimentJson.Serialize(experiment));
        var again = FinAssert.Succeeds(Parse(text));
        Assert.Equal(experiment, again);
        Assert.Equal(ExperimentJson.Hash(experiment), ExperimentJson.Hash(again));
        Assert.Contains("\"momentum\": 0.9", text);
        Assert.Contains("\"alpha\": 0", text);
    }

    [Fact]
    public void An_unknown_top_level_key_suggests_the_nearest_valid_one() =>
        FinAssert.FailsWith(Parse(With("optimiser", "\"adam\"")), "test.json: unknown key 'optimiser'; did you mean 'optimizer'?");

    [Fact]
    public void An_unknown_nested_key_names_its_object_and_suggests() =>
        FinAssert.FailsWith(Parse(With("training", """{ "epoch": 3 }""")), "training: unknown key 'epoch'; did you mean 'epochs'?");

    [Fact]
    public void An_unknown_key_far_from_every_valid_one_lists_them() =>
        FinAssert.FailsWith(Parse(With("checkpoint", """{ "zzzzzz": 3 }""")), "checkpoint: unknown key 'zzzzzz'; valid keys: unit, every, keep");

    [Fact]
    public void A_value_of_the_wrong_type_names_the_key_path() =>
        FinAssert.FailsWith(Parse(With("optimizer", """{ "name": "adam", "learning_rate": "fast" }""")),
            "optimizer.learning_rate: expected a number, got \"fast\"");

    [Theory]
    [InlineData("""{ "epochs": -3 }""", "training.epochs: must be at least 1, got -3")]
    [InlineData("""{ "epochs": 2.5 }""", "training.epochs: expected a whole number, got 2.5")]
    [InlineData("""{ "batch_size": 0 }""", "training.batch_size: must be at least 1, got 0")]
    [InlineData("""{ "validation_split": 1.5 }""", "training.validation_split: must be at least 0 and less than 1, got 1.5")]
    [InlineData("""{ "standardize": "yes" }""", "training.standardize: expected true or false, got \"yes\"")]
    public void Impossible_training_values_are_errors(string training, string message) =>
        FinAssert.FailsWith(Parse(With("training", training)), message);

    [Fact]
    public void An_unknown_activation_is_an_error_with_a_suggestion() =>
        FinAssert.FailsWith(Parse(Minimal.Replace("\"tanh\"", "\"rleu\"")),
            "network.layers[0].activation: unknown activation 'rleu'; did you mean 'relu'?");

    [Fact]
    public void Activation_parameters_are_checked_and_defaults_filled()
    {
        var layer = """{ "name": "leaky_relu", "parameters": { "slope": 0.2 } }""";
        var experiment = FinAssert.Succeeds(Parse(Minimal.Replace("\"tanh\"", layer)));
        Assert.Equal(0.2, experiment.Network.Layers[0].Activation.Parameters["slope"]);
        var defaulted = FinAssert.Succeeds(Parse(Minimal.Replace("\"tanh\"", "\"leaky_relu\"")));
        Assert.Equal(0.01, defaulted.Network.Layers[0].Activation.Parameters["slope"]);
        FinAssert.FailsWith(Parse(Minimal.Replace("\"tanh\"", """{ "name": "leaky_relu", "parameters": { "slop": 0.2 } }""")),
            "network.layers[0].activation.parameters: activation 'leaky_relu' has no parameter 'slop'; did you mean 'slope'?");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var message = FinAssert.Fails(Parse(With("training", """{ "epochs": 0, "batch_size": "big" }""")));
        Assert.Contains("training.epochs: must be at least 1, got 0", message);
        Assert.Contains("training.batch_size: expected a whole number, got \"big\"", message);
    }

    [Fact]
    public void Problems_in_every_part_of_the_file_are_reported_together_in_file_order_each_with_its_key_path_and_value()
    {
        var message = FinAssert.Fails(Parse("""
            {
              "name": "no spaces allowed", "seed": -1, "seed": 2,
              "data": { "source": "generated", "generator": "xor", "count": 0, "colour": 1 },
              "network": { "layers": [ { "units": 0, "activation": "relu" }, { "units": 2, "activation": { "name": "elu", "parameters": { "alpha": "big" } } } ] },
              "loss": "mse",
              "optimizer": { "name": "adam", "learning_rate": "fast", "b1": 2, "schedule": "cosine_decay" },
              "training": { "epochs": -1, "standardize": "yes" },
              "checkpoint": { "unit": "minutes" }
            }
            """));
        Assert.True(message.Length <= 1000, $"{message.Length} characters: longer than a loader's message may be, cut");
        Assert.Equal(
            "test.json: name: must be 1 to 100 letters, digits, '.', '_' or '-' starting with a letter or digit (it names the run directory), got \"no spaces allowed\"; " +
            "seed: expected a whole number from 0 to 18446744073709551615, got -1; " +
            "data.count: must be at least 1, got 0; data: unknown key 'colour'; valid keys: source, generator, count, noise, seed; " +
            "network.layers[0].units: must be at least 1, got 0; " +
            "network.layers[1].activation.parameters.alpha: expected a number, got \"big\"; " +
            "optimizer.learning_rate: expected a number, got \"fast\"; " +
            "optimizer.schedule: the schedule 'cosine_decay' needs settings (decay_steps); write it as an object, e.g. {\"name\": \"cosine_decay\", ...}; " +
            "optimizer.b1: must be at least 0 and less than 1, got 2; " +
            "training.epochs: must be at least 1, got -1; training.standardize: expected true or false, got \"yes\"; " +
            "checkpoint.unit: expected one of \"epochs\", \"steps\", got \"minutes\"; " +
            "the key 'seed' appears more than once",
            message);
    }

    [Theory]
    [InlineData("""{ "source": "generated", "generator": "two_moon" }""", "data.generator: unknown generated data set \"two_moon\"; did you mean \"two_moons\"?")]
    [InlineData("""{ "source": "cvs" }""", "data.source: expected one of \"generated\", \"csv\", \"idx\", \"fashion_mnist\", got \"cvs\"; did you mean \"csv\"?")]
    [InlineData("""{ "source": "generated", "generator": "xor", "noise": -1 }""", "data.noise: must be at least 0, got -1")]
    [InlineData("""{ "source": "csv", "path": "a.csv", "label_column": "y" }""", "data: missing required key 'feature_columns'")]
    public void Data_source_errors_name_the_key(string data, string message) =>
        FinAssert.FailsWith(Parse(Minimal.Replace("""{ "source": "generated", "generator": "xor", "count": 40 }""", data)), message);

    [Theory]
    [InlineData("""{ "name": "adamm" }""", "optimizer.name: unknown optimizer 'adamm'; did you mean 'adam'?")]
    [InlineData("""{ "name": "adam", "b1": 1.0 }""", "optimizer.b1: must be at least 0 and less than 1, got 1")]
    [InlineData("""{ "name": "sgd", "b1": 0.9 }""", "optimizer: unknown key 'b1'")]
    [InlineData("""{ "name": "adam", "learning_rate": -0.1 }""", "optimizer.learning_rate: must be greater than 0, got -0.1")]
    [InlineData("""{ "schedule": { "name": "cosine_decay" } }""", "optimizer.schedule: missing required key 'decay_steps'")]
    [InlineData("""{ "schedule": { "name": "step_decay", "step_size": 0 } }""", "optimizer.schedule.step_size: must be a whole number of at least 1, got 0")]
    public void Optimizer_errors_name_the_key(string optimizer, string message) =>
        FinAssert.FailsWith(Parse(With("optimizer", optimizer)), message);

    [Fact]
    public void A_network_that_core_rejects_is_an_error() =>
        FinAssert.FailsWith(Parse(Minimal.Replace("\"tanh\"", "\"softmax\"")), "network: layer 1: softmax is only allowed as the output layer");

    [Fact]
    public void Missing_required_keys_are_named()
    {
        var message = FinAssert.Fails(Parse("{}"));
        Assert.Contains("missing required key 'data'", message);
        Assert.Contains("missing required key 'network'", message);
        Assert.Contains("missing required key 'loss'", message);
    }

    [Fact]
    public void Invalid_json_names_the_line() =>
        FinAssert.FailsWith(Parse("{\n  \"seed\": 1,,\n}"), "test.json: not valid JSON (line 2");

    [Fact]
    public void A_repeated_key_is_an_error() =>
        FinAssert.FailsWith(Parse(With("seed", "1, \"seed\": 2")), "the key 'seed' appears more than once");

    [Theory]
    [InlineData("optimiser", "optimizer", 1)]
    [InlineData("epoch", "epochs", 1)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Levenshtein_distance(string a, string b, int distance) => Assert.Equal(distance, KeySuggestion.Distance(a, b));
}
