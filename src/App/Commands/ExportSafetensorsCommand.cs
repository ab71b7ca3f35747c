using System.CommandLine;
using Functional.NN.App.Cli;
using Functional.NN.Experiments.Storage;

namespace Functional.NN.App.Commands;

/// <summary>
/// <c>fnn export-safetensors MODEL --out FILE</c>: writes a model's parameters in the safetensors format
/// (docs/safetensors.md), <c>layers.{l}.weight</c> [units, inputs] and <c>layers.{l}.bias</c> [units] in float64,
/// the layout of <c>torch.nn.Linear</c>, with the architecture and the input standardizer in <c>__metadata__</c>.
/// </summary>
internal static class ExportSafetensorsCommand
{
    /// <summary>The <c>export-safetensors</c> command.</summary>
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "The model: an fnn model file, or a plain JSON model (*.json)." };
        var output = new Option<string>("--out") { Description = "The safetensors file to write (replaced atomically).", HelpName = "FILE", Required = true };
        var caseName = new Option<string?>("--case") { Description = "For a JSON file of several reference cases: the name of the case to export." };
        var command = new Command("export-safetensors", "Export a model's parameters as safetensors (float64, torch.nn.Linear layout).") { model, output, caseName };
        command.SetAction(parse => Run(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
            parse.GetValue(model)!, parse.GetValue(output)!, parse.GetValue(caseName)));
        return command;
    }

    /// <summary>Exports the model at <paramref name="modelPath"/> to <paramref name="outputPath"/>; returns the exit code.</summary>
    public static int Run(TextWriter output, TextWriter error, string modelPath, string outputPath, string? caseName) =>
        SafetensorsExport.FromModel(modelPath, outputPath, caseName).Match(
            Succ: written =>
            {
                output.WriteLine($"wrote {outputPath}: {written.Model.Network}, {written.Tensors} float64 tensors (layers.{{l}}.weight [units, inputs], " +
                                 $"layers.{{l}}.bias [units]), {written.Bytes} bytes");
                if (written.Model.Standardizer.IsSome)
                    output.WriteLine("inputs: the model standardizes raw inputs, x' = (x - input_mean) / input_std; both are in __metadata__");
                return 0;
            },
            Fail: e => CommandLineRunner.Fail(error, e.Message));
}
