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
        var nonFiniteInput = FirstNonFinite(inputs);
        var nonFiniteTarget = FirstNonFinite(targets);
        return Checks.All([
                Checks.That(inputs.Rows >= 1, () => "a batch needs at least one example, got 0 rows"),
                Checks.That(inputs.Columns == network.InputSize, () => $"inputs: the network expects {network.InputSize} features, got {inputs.Columns}"),
                Checks.That(targets.Columns == network.OutputSize, () => $"targets: the network has {network.OutputSize} outputs, got {targets.Columns}"),
                Checks.That(targets.Rows == inputs.Rows, () => $"targets: {targets.Rows} rows for {inputs.Rows} input rows"),
                Checks.That(nonFiniteInput is null, () => $"inputs: row {nonFiniteInput?.Row}, column {nonFiniteInput?.Column} is not a finite number"),
                Checks.That(nonFiniteTarget is null, () => $"targets: row {nonFiniteTarget?.Row}, column {nonFiniteTarget?.Column} is not a finite number"),
            ])
            .Map(_ => new Batch(inputs, targets))
            .ToFin();
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
