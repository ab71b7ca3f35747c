using System.CommandLine;
using Functional.NN.App.Cli;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Experiments.Evaluation;

namespace Functional.NN.App.Commands;

/// <summary>
/// <c>fnn predict MODEL --data SPEC --out FILE [--force]</c>: a saved model's outputs on every example,
/// written atomically as CSV (<see cref="PredictionsFile"/>). A model trained on standardized inputs gets its
/// features standardized with its own training statistics first, and the command says so.
/// </summary>
internal static class PredictCommand
{
    /// <summary>The <c>predict</c> command with its argument and options.</summary>
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "The model file (.fnn) to predict with." };
        var data = DataSourceOption.Create("The examples to predict; their features must match the model's inputs (labels only name the classes).");
        var output = new Option<string>("--out")
        {
            Description = "The CSV file to write: columns row, one per output (p_CLASS for a classifier's probabilities, logit_CLASS for bce_logits, " +
                          "score_CLASS otherwise, output_J for regression) and predicted_class for classification data. Numbers in round-trip form.",
            HelpName = "FILE",
            Required = true,
        };
        var force = new Option<bool>("--force") { Description = "Replace FILE if it exists (otherwise an existing file is an error)." };
        var command = new Command("predict", "Write a saved model's predictions on a data set to a CSV file, atomically.")
        {
            model, data, output, force,
        };
        command.SetAction(parse => Run(
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
            parse.GetValue(model)!, parse.GetValue(data)!, parse.GetValue(output)!, parse.GetValue(force)));
        return command;
    }

    /// <summary>Writes the predictions of the model at <paramref name="modelPath"/> on <paramref name="source"/> to <paramref name="outPath"/>; returns the exit code.</summary>
    public static int Run(TextWriter output, TextWriter error, string modelPath, DataSource source, string outPath, bool force) =>
        (from input in ModelAndData.Load(modelPath, source)
         from rows in PredictionsFile.Write(outPath, input, force)
         select (input, rows))
        .Match(
            Succ: result =>
            {
                var columns = PredictionColumns.Header(result.input.Model.Network, result.input.Data);
                output.WriteLine($"wrote {result.rows} predictions to {outPath} (columns: {string.Join(", ", columns)}; " +
                                 $"inputs {result.input.InputsDescription})");
                return 0;
            },
            Fail: e => CommandLineRunner.Fail(error, e.Message));
}
