using Xunit;

namespace Functional.NN.Tests;

/// <summary>
/// Tests that change process-wide environment variables. xunit runs this collection on its own, after
/// the parallel ones, so no other test sees the changed values.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Environment variables";
}
