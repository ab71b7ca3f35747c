using System.Diagnostics;
using System.Globalization;
using Functional.NN.Compute;
using Functional.NN.Experiments;

namespace Functional.NN.App.Bench;

/// <summary>What every result line records about the run: backend, threads, element type, machine load.</summary>
/// <param name="Backend">The core's compute backend.</param>
/// <param name="Repeats">How many times each workload is repeated (the median is reported).</param>
/// <param name="Dtype">The element type the workloads compute in (<c>--dtype</c>).</param>
internal sealed record BenchContext(ComputeBackend Backend, int Repeats, ElementType Dtype = ElementType.Float64)
{
    /// <summary>The context for <paramref name="backend"/> in <paramref name="dtype"/>, 5 repeats.</summary>
    public static BenchContext Create(ComputeBackend backend, ElementType dtype = ElementType.Float64) => new(backend, 5, dtype);

    /// <summary>The 1-minute load average from /proc/loadavg, or NaN where there is none.</summary>
    public static double LoadAverage()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (IOException) { return double.NaN; }
        catch (UnauthorizedAccessException) { return double.NaN; }
    }

    /// <summary>Processors and load, for the log line.</summary>
    public string LoadText => $"{Environment.ProcessorCount} processors, load average {LoadAverage():F2}";

    /// <summary>The fields every result line starts with.</summary>
    public Dictionary<string, object?> Header(string bench) => new()
    {
        ["bench"] = bench,
        ["impl"] = "Functional.NN",
        ["dtype"] = Dtype.Name(),
        ["threads"] = Backend.Threads,
        ["backend"] = Backend.Name,
        ["backend_detail"] = Backend.Description,
        ["processors"] = Environment.ProcessorCount,
        ["load_average_1min"] = LoadAverage(),
        ["repeats"] = Repeats,
    };

    /// <summary>CPU time used by the whole process so far (all threads).</summary>
    public static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>The process's working set now, after a full collection so that garbage does not count.</summary>
    public static long SettledWorkingSet()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }
}
