using System.CommandLine;
using Functional.NN.App.Cli;
using Functional.NN.Experiments.Storage;

namespace Functional.NN.App.Commands;

/// <summary>
/// <c>fnn import-safetensors FILE --experiment EXP.json --out MODEL.fnn</c>: reads float64 weights in the
/// layout of <c>export-safetensors</c> (for example saved from PyTorch) for the experiment's network and writes
/// an <c>fnn</c> model file that <c>evaluate</c>, <c>predict</c> and <c>export-onnx</c> read.
/// </summary>
internal static class ImportSafetensorsCommand
{
    /// <summary>The <c>import-safetensors</c> command.</summary>
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The safetensors file: layers.{l}.weight [units, inputs] and layers.{l}.bias [units], F64." };
        var experiment = new Option<string>("--experiment") { Description = "The experiment file whose network the weights are for.", HelpName = "EXP.json", Required = true };
        var output = new Option<string>("--out") { Description = "The model file to write (replaced atomically).", HelpName = "MODEL.fnn", Required = true };
        var command = new Command("import-safetensors", "Import float64 safetensors weights (e.g. from PyTorch) into a model file for an experiment's network.")
        {
            file, experiment, output,
        };
        command.SetAction(parse => Run(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
            parse.GetValue(file)!, parse.GetValue(experiment)!, parse.GetValue(output)!));
        return command;
    }

    /// <summary>Imports <paramref name="file"/> for <paramref name="experimentPath"/>'s network into <paramref name="modelPath"/>; returns the exit code.</summary>
    public static int Run(TextWriter output, TextWriter error, string file, string experimentPath, string modelPath) =>
        SafetensorsImport.ToModelFile(file, experimentPath, modelPath).Match(
            Succ: model =>
            {
                output.WriteLine($"wrote {modelPath}: {model.Network}, parameters from {file}" +
                                 (model.InputSizeFromFile ? $" (input size {model.Network.InputSize} taken from layers.0.weight)" : ""));
                if (model.Weights.Standardizer.IsSome)
                    output.WriteLine("inputs: the model standardizes raw inputs with input_mean and input_std from the file's __metadata__");
                else if (model.ExperimentStandardizes)
                    output.WriteLine("note: the experiment standardizes its inputs, but the file has no input_mean/input_std; the model takes raw inputs");
                return 0;
            },
            Fail: e => CommandLineRunner.Fail(error, e.Message));
}
