using Functional.NN.Compute;
using Xunit;

namespace Functional.NN.Tests.Compute;

/// <summary>The backends under test, side by side in one process.</summary>
public static class Backends
{
    /// <summary>The managed backend with one thread.</summary>
    internal static ComputeBackend Managed1 { get; } = BackendChoice.Managed(1);

    /// <summary>The managed backend with two threads (a layer's gradient and the delta below it run side by side).</summary>
    internal static ComputeBackend Managed2 { get; } = BackendChoice.Managed(2);

    /// <summary>The managed backend with three threads (more than this machine's cores, to exercise the split).</summary>
    internal static ComputeBackend Managed3 { get; } = BackendChoice.Managed(3);

    /// <summary>OpenBLAS with the process's configured thread count, or null when the library is not installed.</summary>
    internal static ComputeBackend? OpenBlas { get; } = BackendChoice.OpenBlas(Math.Max(1, Environment.ProcessorCount));

    /// <summary>OpenBLAS with one thread, or null when the library is not installed.</summary>
    internal static ComputeBackend? OpenBlas1 { get; } = BackendChoice.OpenBlas(1);

    /// <summary>OpenBLAS with two threads, or null when the library is not installed.</summary>
    internal static ComputeBackend? OpenBlas2 { get; } = BackendChoice.OpenBlas(2);

    /// <summary>OpenBLAS with three threads (more than this machine's cores, to exercise the split), or null without the library.</summary>
    internal static ComputeBackend? OpenBlas3 { get; } = BackendChoice.OpenBlas(3);

    /// <summary>Names for theories: "managed", "openblas".</summary>
    public static IEnumerable<object[]> Names() => [["managed"], ["openblas"]];

    /// <summary>The backend called <paramref name="name"/>; skips the test when OpenBLAS is missing.</summary>
    internal static ComputeBackend Named(string name)
    {
        if (name == "managed") return Managed1;
        Skip.If(OpenBlas is null, $"{OpenBlasLibrary.FileName} is not installed");
        return OpenBlas!;
    }
}
