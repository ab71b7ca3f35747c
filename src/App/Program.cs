using System.CommandLine;
using Functional.NN.App.Cli;
using Functional.NN.App.Commands;

namespace Functional.NN.App;

/// <summary>
/// The <c>fnn</c> command line: wiring only. Each command lives in its own file under
/// <c>Commands/</c> and is added to the root command here.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Cluster.MpiConsole.Prepare();
        var root = new RootCommand("fnn: the Functional.NN command line. Without a command it runs the tutorial's worked example (the same as 'fnn demo').")
        {
            DemoCommand.Create(),
            BenchmarkCommand.Create(),
            TrainCommand.Create(),
            ResumeCommand.Create(),
            EvaluateCommand.Create(),
            PredictCommand.Create(),
            GradcheckCommand.Create(),
            ExportOnnxCommand.Create(),
            ExportSafetensorsCommand.Create(),
            ImportSafetensorsCommand.Create(),
        };
        root.SetAction(parse => DemoCommand.Run(parse.InvocationConfiguration.Output, DemoCommand.DefaultIterations));
        return CommandLineRunner.Run(root, args);
    }
}
