using System.CommandLine;
using Functional.NN.App.Cli;
using Functional.NN.Experiments.DataSources;
using Functional.NN.Experiments.Evaluation;
using Functional.NN.App.Output;
using Functional.NN.Verification;
using LanguageExt;
using Option = System.CommandLine.Option;

namespace Functional.NN.App.Commands;

/// <summary>
/// <c>fnn gradcheck (--model MODEL | --layers ... --activations ... --loss ...) --data SPEC [--batch N]
/// [--eps X] [--atol X] [--rtol X]</c>: compares backpropagation's gradient with central differences on
/// the first examples of a data set. Exit code 0 when every derivative is within tolerance, 1 when one is
/// not (or the check could not run), 2 for a command line that is not understood.
/// </summary>
internal static class GradcheckCommand
{
    /// <summary>The <c>gradcheck</c> command with its options.</summary>
    public static Command Create()
    {
        var defaults = GradientCheckOptions.Default;
        var models = new GradcheckModelOptions();
        var data = DataSourceOption.Create("The examples the loss is computed on (only the first --batch are used).");
        var batch = NumberOptions.Count("--batch", $"Check on the first N examples. Default {GradcheckRunner.DefaultBatch} (or all, if fewer); the cost is two forward passes of N examples per parameter.");
        var epsilon = NumberOptions.NonNegative("--eps", defaults.Epsilon, allowZero: false,
            "Step h of the central difference (L(p+h) - L(p-h)) / 2h. Kinks make finite differences unreliable: where a pre-activation " +
            "of a relu or leaky_relu layer lies within h of 0, the central difference averages the slopes on both sides while backpropagation " +
            "takes one, so a correct network fails on a few elements in the layers at or below it (often whole bias entries, when an input is 0); " +
            "the report then names those layers. A wrong derivative fails most elements of its layer instead.");
        var absolute = NumberOptions.NonNegative("--atol", defaults.AbsoluteTolerance, allowZero: true, "Absolute tolerance: an element passes when |analytic - numerical| <= atol + rtol * |numerical|.");
        var relative = NumberOptions.NonNegative("--rtol", defaults.RelativeTolerance, allowZero: true, "Relative tolerance (see --atol).");
        var command = new Command("gradcheck",
            "Check backpropagation against central finite differences on the first examples of a data set, and report per layer the largest " +
            "absolute and relative errors and the worst element. Tolerances default to torch.autograd.gradcheck's (eps 1e-6, atol 1e-5, rtol 1e-3). " +
            "Exit code 0 when every derivative passes, 1 when one fails, 2 for usage errors. Kinks (relu at 0) can fail a correct network: see --eps.");
        models.AddTo(command);
        foreach (var option in new Option[] { data, batch, epsilon, absolute, relative }) command.Add(option);
        command.SetAction(parse => Run(
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
            models.Read(parse), parse.GetValue(data)!, parse.GetValue(batch),
            new GradientCheckOptions(
                parse.GetValue(epsilon) ?? defaults.Epsilon,
                parse.GetValue(absolute) ?? defaults.AbsoluteTolerance,
                parse.GetValue(relative) ?? defaults.RelativeTolerance)));
        return command;
    }

    /// <summary>
    /// Checks <paramref name="model"/> on the first <paramref name="batch"/> examples of <paramref name="source"/>
    /// and writes the report; returns 0 when it passes, 1 when it fails or cannot run.
    /// </summary>
    public static int Run(TextWriter output, TextWriter error, Fin<ModelUnderCheck> model, DataSource source, int? batch, GradientCheckOptions options) =>
        (from checkedModel in model
         from data in source.Load()
         from outcome in GradcheckRunner.Run(checkedModel, source, data, batch, options)
         select outcome)
        .Match(
            Succ: outcome =>
            {
                GradcheckTable.Write(new ReportWriter(output), outcome);
                return outcome.Report.Passed ? 0 : CommandLineRunner.Failure;
            },
            Fail: e => CommandLineRunner.Fail(error, e.Message));
}
