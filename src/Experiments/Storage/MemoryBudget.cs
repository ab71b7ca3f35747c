using System.Globalization;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// The check made before any large allocation (parameters, optimizer state, activations, data sets, file
/// contents): the estimate must fit in the memory the process may use, which is
/// <see cref="GCMemoryInfo.TotalAvailableMemoryBytes"/> (the machine's memory, or the container's cgroup limit,
/// or <c>DOTNET_GCHeapHardLimit</c>), less what the process already uses. Refusing up front turns what would be
/// an <see cref="OutOfMemoryException"/> after a minute of swapping into one line with both numbers.
/// </summary>
internal static class MemoryBudget
{
    /// <summary>Bytes the process may still allocate: the available total less the managed heap in use.</summary>
    public static long Available
    {
        get
        {
            var total = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
            return Math.Max(0, total - GC.GetTotalMemory(forceFullCollection: false));
        }
    }

    /// <summary>
    /// Success when <paramref name="bytes"/> (an estimate; <see cref="double"/> so that no product overflows)
    /// fits <see cref="Available"/>; otherwise an error naming <paramref name="what"/>, the estimate and the memory available.
    /// </summary>
    public static Fin<Unit> Check(double bytes, string what)
    {
        var available = Available;
        return bytes <= available
            ? Prelude.unit
            : Error.New($"{what} needs about {Words(bytes)}, more than the {Words(available)} of memory available " +
                        "(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes, which honours container limits, less what is in use)");
    }

    /// <summary>A size in words: <c>7.5 GB</c>, <c>12 MB</c>, <c>3.0e+12 bytes</c> for the absurd ones.</summary>
    public static string Words(double bytes) =>
        bytes >= 1e15 ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0.0e+00} bytes")
        : bytes >= 1e9 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:0.0} GB")
        : bytes >= 1e6 ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:0} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes:0} bytes");
}
