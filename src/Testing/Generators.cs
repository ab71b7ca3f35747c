using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Functional.NN.Passes;

namespace Functional.NN.Testing;

/// <summary>
/// Generators of networks, number pools and whole cases, driven by <see cref="CatalogRoles"/>:
/// 1 to 4 layers, 1 to 12 units and inputs, 1 to 8 examples, every built-in activation and loss.
/// </summary>
public static class Generators
{
    /// <summary>
    /// Cases whose kinked pre-activations are closer to 0 than this are regenerated: with h = 1e-6 a
    /// central difference moves a pre-activation by about h·|input| ≤ 1e-5, so it cannot reach the kink.
    /// </summary>
    public const double MinimumKinkDistance = 1e-3;

    /// <summary>A uniform real in [-1, 1] with 9 decimal places.</summary>
    public static Gen<double> Unit { get; } = Gen.Choose(-1_000_000_000, 1_000_000_000).Select(i => i / 1e9);

    /// <summary>Pools of <see cref="NumberPool.Size"/> numbers from <see cref="Unit"/>.</summary>
    public static Gen<NumberPool> Pools { get; } =
        Gen.ArrayOf(Unit, NumberPool.Size).Select(values => new NumberPool(values.ToImmutableArray()));

    /// <summary>A valid network: hidden layers with element-wise activations, an output layer that suits the loss.</summary>
    public static Gen<Network> Networks { get; } =
        from loss in Gen.Elements(CatalogRoles.Losses.AsEnumerable())
        from output in Gen.Elements(CatalogRoles.OutputsFor(loss).AsEnumerable())
        from outputUnits in Gen.Choose(CatalogRoles.MinimumUnits(output), NumberPool.MaxWidth)
        from depth in Gen.Choose(1, NumberPool.MaxLayers)
        from hidden in Gen.ArrayOf(
            Gen.Zip(Gen.Choose(1, NumberPool.MaxWidth), Gen.Elements(CatalogRoles.Hidden.AsEnumerable()), (units, a) => new LayerSpec(units, a)),
            depth - 1)
        from inputSize in Gen.Choose(1, NumberPool.MaxWidth)
        select Network.Create(inputSize, hidden.Append(new LayerSpec(outputUnits, output)), loss).ThrowIfFail();

    /// <summary>Cases: a generated network, batch size and number pool (see <see cref="Case"/>).</summary>
    public static Gen<Case> Cases { get; } =
        from network in Networks
        from batchSize in Gen.Choose(1, NumberPool.MaxBatch)
        from pool in Pools
        select Case.From(network, batchSize, pool);

    /// <summary>A case the gradient check can judge: finite loss, no pre-activation near a kink.</summary>
    public static bool IsUsable(Case c) =>
        double.IsFinite(ForwardPass.Loss(c.Network, c.Parameters, c.Batch)) && c.MinimumKinkDistance() >= MinimumKinkDistance;

    /// <summary>
    /// A real spread over six orders of magnitude, with either sign, and now and then exactly 0 or -0,
    /// for the arithmetic laws of gradients.
    /// </summary>
    public static Gen<double> Scalar { get; } = Gen.Frequency(
        (8, Gen.Zip(Unit, Gen.Choose(-3, 3), (u, e) => u * Math.Pow(10, e))),
        (1, Gen.Constant(0.0)),
        (1, Gen.Constant(-0.0)));

    /// <summary>A gradient tree in the shape of <paramref name="network"/>'s parameters.</summary>
    public static Gen<Gradients> GradientsFor(Network network) =>
        Gen.CollectToArray(Enumerable.Range(0, network.Layers.Length), l =>
                from w in Gen.ArrayOf(Scalar, network.Layers[l].Units * network.InputsOf(l))
                from b in Gen.ArrayOf(Scalar, network.Layers[l].Units)
                select new LayerTensors(
                    Tensor.FromRowMajor(network.Layers[l].Units, network.InputsOf(l), w).ThrowIfFail(),
                    Tensor.RowVector(b)))
            .Select(layers => new Gradients(layers.ToImmutableArray()));
}
