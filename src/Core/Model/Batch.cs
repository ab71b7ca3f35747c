using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Model;

/// <summary>
/// Examples as rows: inputs <c>[batch x inputs]</c> and targets <c>[batch x outputs]</c>, checked against a
/// network by <see cref="Create(Network, Tensor, Tensor)"/>.
/// </summary>
public sealed record Batch
{
    private Batch(Tensor inputs, Tensor targets)
    {
        Inputs = inputs;
        Targets = targets;
    }

    /// <summary>Input features, one example per row.</summary>
    public Tensor Inputs { get; }

    /// <summary>Targets, one example per row (one-hot rows for classification).</summary>
    public Tensor Targets { get; }

    /// <summary>Number of examples.</summary>
    public int Size => Inputs.Rows;

    /// <summary>A batch of inputs and targets already known to fit (rows of a checked batch).</summary>
    internal static Batch FromTrusted(Tensor inputs, Tensor targets) => new(inputs, targets);

    /// <summary>A batch whose shapes fit the network and whose numbers are all finite.</summary>
    public static Fin<Batch> Create(Network network, Tensor inputs, Tensor targets)
    {
        var problems = new List<string>();
        if (inputs.Rows < 1) problems.Add("a batch needs at least one example, got 0 rows");
        if (inputs.Columns != network.InputSize)
            problems.Add($"inputs: the network expects {network.InputSize} features, got {inputs.Columns}");
        if (targets.Columns != network.OutputSize)
            problems.Add($"targets: the network has {network.OutputSize} outputs, got {targets.Columns}");
        if (targets.Rows != inputs.Rows)
            problems.Add($"targets: {targets.Rows} rows for {inputs.Rows} input rows");
        if (FirstNonFinite(inputs) is var (ir, ic)) problems.Add($"inputs: row {ir}, column {ic} is not a finite number");
        if (FirstNonFinite(targets) is var (tr, tc)) problems.Add($"targets: row {tr}, column {tc} is not a finite number");
        return problems.Count == 0 ? new Batch(inputs, targets) : Error.New(string.Join("; ", problems));
    }

    /// <summary>A batch from rows of inputs and targets (copied).</summary>
    public static Fin<Batch> Create(Network network, double[][] inputs, double[][] targets) =>
        from x in Named("inputs", Tensor.FromRows(inputs))
        from t in Named("targets", Tensor.FromRows(targets))
        from batch in Create(network, x, t)
        select batch;

    private static Fin<Tensor> Named(string what, Fin<Tensor> tensor) =>
        tensor.Match(Succ: t => (Fin<Tensor>)t, Fail: e => Error.New($"{what}: {e.Message}"));

    private static (int Row, int Column)? FirstNonFinite(Tensor tensor)
    {
        var span = tensor.Span;
        for (var i = 0; i < span.Length; i++)
            if (!double.IsFinite(span[i])) return (i / tensor.Columns, i % tensor.Columns);
        return null;
    }
}
