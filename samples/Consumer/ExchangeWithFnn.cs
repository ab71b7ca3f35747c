using System.Globalization;
using System.Text;
using Functional.NN.Experiments;
using Xunit;

namespace Consumer.Tests;

/// <summary>
/// Model files exchanged with the packed <c>fnn</c> tool. scripts/pack-and-consume.sh runs these tests (category
/// WithFnn) with FNN_EXCHANGE set to a folder: they write a model trained in code for <c>fnn evaluate</c>, and
/// predict with the <c>model.fnn</c> that <c>fnn train</c> left there, for the script to compare with <c>fnn predict</c>.
/// </summary>
[Trait("Category", "WithFnn")]
public sealed class ExchangeWithFnn
{
    /// <summary>The data the script evaluates the code-trained model on: XOR's truth table.</summary>
    public const string XorSpec = "generated:xor,count=4";

    private static string Exchange =>
        Environment.GetEnvironmentVariable("FNN_EXCHANGE") is { Length: > 0 } folder
            ? folder
            : throw new InvalidOperationException("set FNN_EXCHANGE to the folder shared with scripts/pack-and-consume.sh");

    [Fact]
    public void A_model_trained_in_code_is_saved_for_fnn_evaluate()
    {
        var (network, parameters, _) = XorTraining.Train().ThrowIfFail();
        var model = TrainedModel.Create(network, parameters, "xor-from-code").ThrowIfFail();
        var path = Path.Combine(Exchange, "xor-from-code.fnn");

        model.Save(path).ThrowIfFail();

        var score = TrainedModel.Load(path).Bind(loaded => Datasets.Load(XorSpec).Bind(loaded.Evaluate)).ThrowIfFail();
        Assert.Equal(1.0, score.Accuracy);
        File.WriteAllText(Path.Combine(Exchange, "xor-from-code.loss"), score.Loss.ToString("R", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_model_trained_by_fnn_predicts_in_code()
    {
        var spec = File.ReadAllText(Path.Combine(Exchange, "predict-data.txt")).Trim();
        var model = TrainedModel.Load(Path.Combine(Exchange, "run", "model.fnn")).ThrowIfFail();
        var data = Datasets.Load(spec).ThrowIfFail();

        var outputs = model.Predict(data).ThrowIfFail();

        Assert.True(model.Standardizer.IsSome, "the experiment standardizes its inputs, so the model file carries the statistics");
        Assert.Equal(data.Count, outputs.Rows);
        var csv = new StringBuilder();
        for (var row = 0; row < outputs.Rows; row++)
            csv.Append(string.Join(",", [row.ToString(CultureInfo.InvariantCulture),
                .. outputs.Row(row).ToArray().Select(v => v.ToString("R", CultureInfo.InvariantCulture))])).Append('\n');
        File.WriteAllText(Path.Combine(Exchange, "code-predictions.csv"), csv.ToString());
    }
}
