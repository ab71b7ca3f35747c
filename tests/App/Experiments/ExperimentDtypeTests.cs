using System.Text;
using Functional.NN.Experiments;
using Functional.NN.Experiments.ExperimentFiles;
using Xunit;

namespace Functional.NN.Tests.App.Experiments;

/// <summary>The top-level <c>"dtype"</c> of experiment files: float64 by default, float32 on request, anything else an error naming the key.</summary>
public sealed class ExperimentDtypeTests
{
    private const string Minimal = """
        {
          "data": { "source": "generated", "generator": "xor", "count": 40 },
          "network": { "layers": [ { "units": 4, "activation": "tanh" }, { "units": 2, "activation": "softmax" } ] },
          "loss": "softmax_ce"
        }
        """;

    private static string With(string key, string value) => Minimal.TrimEnd().TrimEnd('}') + $", \"{key}\": {value} }}";

    [Fact]
    public void An_absent_dtype_is_float64_and_is_not_written()
    {
        var experiment = FinAssert.Succeeds(ExperimentParserTests.Parse(Minimal));
        Assert.Equal(ElementType.Float64, experiment.Dtype);
        Assert.DoesNotContain("dtype", Encoding.UTF8.GetString(ExperimentJson.Serialize(experiment)));
    }

    [Fact]
    public void Float64_written_out_is_the_default_with_the_same_hash()
    {
        var given = FinAssert.Succeeds(ExperimentParserTests.Parse(With("dtype", "\"float64\"")));
        var absent = FinAssert.Succeeds(ExperimentParserTests.Parse(Minimal));
        Assert.Equal(ElementType.Float64, given.Dtype);
        Assert.Equal(ExperimentJson.Hash(absent), ExperimentJson.Hash(given));
    }

    [Fact]
    public void Float32_reads_and_round_trips_through_the_canonical_json()
    {
        var experiment = FinAssert.Succeeds(ExperimentParserTests.Parse(With("dtype", "\"float32\"")));
        Assert.Equal(ElementType.Float32, experiment.Dtype);
        var text = Encoding.UTF8.GetString(ExperimentJson.Serialize(experiment));
        Assert.Contains("\"dtype\": \"float32\"", text);
        var again = FinAssert.Succeeds(ExperimentParserTests.Parse(text));
        Assert.Equal(experiment, again);
        Assert.NotEqual(ExperimentJson.Hash(FinAssert.Succeeds(ExperimentParserTests.Parse(Minimal))), ExperimentJson.Hash(again));
    }

    [Theory]
    [InlineData("\"float16\"", "dtype: expected \"float32\" or \"float64\", got \"float16\"")]
    [InlineData("\"Float32\"", "dtype: expected \"float32\" or \"float64\", got \"Float32\"")]
    [InlineData("32", "dtype: expected a string")]
    public void Any_other_dtype_is_an_error_naming_the_key(string value, string message) =>
        FinAssert.FailsWith(ExperimentParserTests.Parse(With("dtype", value)), "test.json: ", message);

    [Fact]
    public void A_misspelt_dtype_key_suggests_dtype() =>
        FinAssert.FailsWith(ExperimentParserTests.Parse(With("dtyp", "\"float32\"")), "dtyp", "dtype");

    [Fact]
    public void A_float32_experiment_resolves_in_float32()
    {
        var file = FinAssert.Succeeds(ExperimentFile.Parse(With("dtype", "\"float32\""), "f32", "/tmp"));
        Assert.Equal(ElementType.Float32, file.Dtype);
        Assert.Equal(ElementType.Float32, FinAssert.Succeeds(file.Resolve()).Dtype);
    }

    [Fact]
    public void With_dtype_overrides_the_file_and_checks_the_optimizer()
    {
        var file = FinAssert.Succeeds(ExperimentFile.Parse(Minimal, "m", "/tmp"));
        Assert.Equal(ElementType.Float32, FinAssert.Succeeds(file.WithDtype(ElementType.Float32)).Dtype);
        var tiny = FinAssert.Succeeds(ExperimentFile.Parse(With("optimizer", """{ "name": "adam", "eps": 1e-50 }"""), "t", "/tmp"));
        FinAssert.FailsWith(tiny.WithDtype(ElementType.Float32), "optimizer.eps: 1E-50 is 0 in float32");
    }

    [Theory]
    [InlineData("""{ "name": "adam", "eps": 1e-50 }""", "optimizer.eps: 1E-50 is 0 in float32")]
    [InlineData("""{ "name": "sgd", "learning_rate": 1e40 }""", "optimizer.learning_rate: 1E+40 is infinite in float32")]
    public void A_float32_experiment_rejects_settings_float32_cannot_hold(string optimizer, string message)
    {
        var json = With("optimizer", optimizer).TrimEnd().TrimEnd('}') + ", \"dtype\": \"float32\" }";
        FinAssert.FailsWith(ExperimentParserTests.Parse(json), message);
        Assert.True(ExperimentParserTests.Parse(With("optimizer", optimizer)).IsSucc);
    }
}
