using System.Collections.Immutable;
using Functional.NN.Tensors;

namespace Functional.NN.Testing;

/// <summary>
/// The random numbers of a generated case: uniform reals in [-1, 1] at fixed places, one block per
/// layer and one each for inputs and targets. Element (r, c) of a tensor always reads the same place,
/// so when a shrink drops a unit, an input or an example, every number that remains keeps its value.
/// </summary>
public sealed class NumberPool
{
    /// <summary>The most layers a pool has numbers for.</summary>
    public const int MaxLayers = 4;

    /// <summary>The most units per layer, and the most inputs.</summary>
    public const int MaxWidth = 12;

    /// <summary>The most examples in a batch.</summary>
    public const int MaxBatch = 8;

    private const int WeightBlock = MaxWidth * MaxWidth;
    private const int LayerBlock = WeightBlock + MaxWidth;
    private const int InputsStart = MaxLayers * LayerBlock;
    private const int TargetsStart = InputsStart + MaxBatch * MaxWidth;

    /// <summary>How many numbers a pool holds.</summary>
    public const int Size = TargetsStart + MaxBatch * MaxWidth;

    /// <summary>A pool of exactly <see cref="Size"/> numbers.</summary>
    /// <exception cref="ArgumentException">When the count is not <see cref="Size"/>.</exception>
    public NumberPool(ImmutableArray<double> values)
    {
        if (values.Length != Size) throw new ArgumentException($"a number pool holds {Size} numbers, got {values.Length}");
        Values = values;
    }

    /// <summary>The numbers, uniform in [-1, 1].</summary>
    public ImmutableArray<double> Values { get; }

    /// <summary>Layer <paramref name="layer"/>'s weights <c>[units x inputs]</c>, before scaling.</summary>
    public Tensor Weights(int layer, int units, int inputs) =>
        Tensor.Build(units, inputs, (r, c) => Values[layer * LayerBlock + r * MaxWidth + c]);

    /// <summary>Layer <paramref name="layer"/>'s bias <c>[1 x units]</c>, before scaling.</summary>
    public Tensor Bias(int layer, int units) =>
        Tensor.Build(1, units, (_, c) => Values[layer * LayerBlock + WeightBlock + c]);

    /// <summary>Inputs <c>[examples x features]</c>, before scaling.</summary>
    public Tensor Inputs(int examples, int features) =>
        Tensor.Build(examples, features, (r, c) => Values[InputsStart + r * MaxWidth + c]);

    /// <summary>Target material <c>[examples x outputs]</c> in [-1, 1], before it is shaped into targets.</summary>
    public Tensor Targets(int examples, int outputs) =>
        Tensor.Build(examples, outputs, (r, c) => Values[TargetsStart + r * MaxWidth + c]);

    /// <summary>The same pool with every number rounded to <paramref name="decimals"/> places (a shrink towards readable numbers).</summary>
    public NumberPool Rounded(int decimals) => new(Values.Select(x => Math.Round(x, decimals)).ToImmutableArray());

    /// <summary>True when rounding to <paramref name="decimals"/> places changes nothing.</summary>
    public bool IsRoundedTo(int decimals) => Values.All(x => x == Math.Round(x, decimals));
}
