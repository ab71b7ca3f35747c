using System.Collections.Immutable;

namespace Functional.NN.Onnx;

/// <summary>Part of an ONNX graph: nodes in topological order and the constants they read.</summary>
/// <param name="Nodes">The nodes, each after the nodes whose outputs it reads.</param>
/// <param name="Initializers">The constants the nodes read.</param>
internal sealed record OnnxFragment(ImmutableArray<OnnxNode> Nodes, ImmutableArray<OnnxInitializer> Initializers)
{
    /// <summary>No nodes and no constants.</summary>
    public static OnnxFragment Empty { get; } = new([], []);

    /// <summary>This fragment followed by <paramref name="next"/>.</summary>
    public OnnxFragment Then(OnnxFragment next) => new(Nodes.AddRange(next.Nodes), Initializers.AddRange(next.Initializers));

    /// <summary>A fragment of nodes only.</summary>
    public static OnnxFragment Of(params OnnxNode[] nodes) => new([.. nodes], []);
}
