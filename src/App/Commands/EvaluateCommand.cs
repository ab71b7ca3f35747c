using System.CommandLine;
using Functional.NN.App.Cli;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Experiments.Evaluation;
using Functional.NN.App.Output;

namespace Functional.NN.App.Commands;

/// <summary>
/// <c>fnn evaluate MODEL --data SPEC [--json]</c>: the loss of a saved model on a data set, and for
/// classification data its accuracy and confusion matrix, as a table or as JSON. A model trained on
/// standardized inputs gets its features standardized with its own training statistics first, and the
/// output says so.
/// </summary>
internal static class EvaluateCommand
{
    /// <summary>The <c>evaluate</c> command with its argument and options.</summary>
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "The model file (.fnn) to evaluate." };
        var data = DataSourceOption.Create("The examples to evaluate on; their features must match the model's inputs and their classes its outputs.");
        var json = new Option<bool>("--json") { Description = "Write one JSON object (snake_case names, round-trip numbers) instead of the table." };
        var command = new Command("evaluate",
            "Report a saved model's loss on a data set, and for classification data its accuracy (argmax of the outputs; " +
            "a single output is thresholded at 0.5, or at 0 for bce_logits) and confusion matrix.")
        {
            model, data, json,
        };
        command.SetAction(parse => Run(
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
            parse.GetValue(model)!, parse.GetValue(data)!, parse.GetValue(json)));
        return command;
    }

    /// <summary>Evaluates the model at <paramref name="modelPath"/> on <paramref name="source"/>; returns the exit code.</summary>
    public static int Run(TextWriter output, TextWriter error, string modelPath, DataSource source, bool json) =>
        (from input in ModelAndData.Load(modelPath, source)
         from evaluation in input.Model.Score(input.Data)
         select (input, evaluation))
        .Match(
            Succ: result =>
            {
                if (json) output.WriteLine(EvaluationJson.Write(result.input, result.evaluation));
                else EvaluationTable.Write(new ReportWriter(output), result.input, result.evaluation);
                return 0;
            },
            Fail: e => CommandLineRunner.Fail(error, e.Message));
}
