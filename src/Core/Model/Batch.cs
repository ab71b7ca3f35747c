using System.Numerics;
using Functional.NN.Tensors;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Model;

/// <summary>
/// Examples as rows: inputs <c>[batch x inputs]</c> and targets <c>[batch x outputs]</c>, checked against a
/// network by <see cref="Create(Network, Tensor{T}, Tensor{T})"/>.
/// </summary>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed record Batch<T> where T : unmanaged, IFloatingPointIeee754<T>
{
    private Batch(Tensor<T> inputs, Tensor<T> targets)
    {
        Inputs = inputs;
        Targets = targets;
    }

    /// <summary>Input features, one example per row.</summary>
    public Tensor<T> Inputs { get; }

    /// <summary>Targets, one example per row (one-hot rows for classification).</summary>
    public Tensor<T> Targets { get; }

    /// <summary>Number of examples.</summary>
    public int Size => Inputs.Rows;

    /// <summary>The same batch in the element type <typeparamref name="TOther"/>, each number rounded once to nearest.</summary>
    /// <remarks>Rounding to float can overflow a finite double to infinity; such a batch is refused as a batch would be.</remarks>
    public Fin<Batch<TOther>> Convert<TOther>() where TOther : unmanaged, IFloatingPointIeee754<TOther>
    {
        var (inputs, targets) = (Inputs.Convert<TOther>(), Targets.Convert<TOther>());
        var bad = Batch<TOther>.FirstNonFinite(inputs) is not null || Batch<TOther>.FirstNonFinite(targets) is not null;
        return bad
            ? Error.New($"the batch does not fit in {ElementTypeName.Of<TOther>()}: a number overflows to infinity")
            : Batch<TOther>.FromTrusted(inputs, targets);
    }

    /// <summary>A batch of inputs and targets already known to fit (rows of a checked batch).</summary>
    internal static Batch<T> FromTrusted(Tensor<T> inputs, Tensor<T> targets) => new(inputs, targets);

    /// <summary>A batch whose shapes fit the network and whose numbers are all finite.</summary>
    public static Fin<Batch<T>> Create(Network network, Tensor<T> inputs, Tensor<T> targets)
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
            .Map(_ => new Batch<T>(inputs, targets))
            .ToFin();
    }

    /// <summary>A batch from rows of inputs and targets (copied).</summary>
    public static Fin<Batch<T>> Create(Network network, T[][] inputs, T[][] targets) =>
        from x in Named("inputs", Tensor<T>.FromRows(inputs))
        from t in Named("targets", Tensor<T>.FromRows(targets))
        from batch in Create(network, x, t)
        select batch;

    private static Fin<Tensor<T>> Named(string what, Fin<Tensor<T>> tensor) =>
        tensor.Match(Succ: t => (Fin<Tensor<T>>)t, Fail: e => Error.New($"{what}: {e.Message}"));

    internal static (int Row, int Column)? FirstNonFinite(Tensor<T> tensor)
    {
        var span = tensor.Span;
        for (var i = 0; i < span.Length; i++)
            if (!T.IsFinite(span[i])) return (i / tensor.Columns, i % tensor.Columns);
        return null;
    }
}
