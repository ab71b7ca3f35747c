using System.Reflection;
using Functional.NN.Model;

namespace Functional.NN.Experiments.Storage;

/// <summary>The version of the Functional.NN core library in use, recorded in model files.</summary>
internal static class LibraryVersion
{
    /// <summary>The core assembly's informational version (e.g. <c>0.1.0+62d65b3…</c>), or its assembly version.</summary>
    public static string Current { get; } =
        typeof(Network).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(Network).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
