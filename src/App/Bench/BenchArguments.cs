namespace Functional.NN.App.Bench;

/// <summary>Parses <c>bench [workload] [--threads N] [--backend NAME]</c> for a shell without its own parser.</summary>
internal static class BenchArguments
{
    /// <summary>Parses the arguments after <c>bench</c> and runs <see cref="BenchCommand.Run"/>; returns the exit code.</summary>
    public static int Run(IReadOnlyList<string> args)
    {
        var workload = "all";
        int? threads = null;
        string? backend = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--threads" when i + 1 < args.Count && int.TryParse(args[i + 1], out var n):
                    threads = n;
                    i++;
                    break;
                case "--backend" when i + 1 < args.Count:
                    backend = args[++i];
                    break;
                case var w when !w.StartsWith('-'):
                    workload = w;
                    break;
                default:
                    Console.Error.WriteLine($"bench: cannot read argument '{args[i]}'. Usage: bench [{string.Join("|", BenchCommand.Workloads)}] [--threads N] [--backend auto|openblas|managed]");
                    return 2;
            }
        }
        return BenchCommand.Run(workload, threads, backend);
    }
}
