using FsCheck;
using FsCheck.Fluent;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;

namespace Functional.NN.Testing;

/// <summary>
/// Parameters and batches for one given network (which may use custom activations and losses): weights
/// Xavier-scaled, W ~ U(-s, s) with s = √(6 / (fan_in + fan_out)), biases in [-0.5, 0.5], inputs in [-2, 2],
/// targets shaped for the loss (<see cref="CatalogRoles.TargetsFor"/>), 1 to 8 examples.
/// </summary>
public static class NetworkCases
{
    /// <summary>Generated (parameters, batch) pairs for <paramref name="network"/>.</summary>
    public static Gen<(Parameters Parameters, Batch Batch)> For(Network network) =>
        from layers in Gen.CollectToArray(Enumerable.Range(0, network.Layers.Length), l => Layer(network.Layers[l].Units, network.InputsOf(l)))
        from examples in Gen.Choose(1, NumberPool.MaxBatch)
        from inputs in Gen.ArrayOf(Generators.Unit.Select(u => 2 * u), examples * network.InputSize)
        from material in Gen.ArrayOf(Generators.Unit, examples * network.OutputSize)
        select (Parameters.Create(network, layers).ThrowIfFail(),
            Batch.Create(network, Tensor.FromRowMajor(examples, network.InputSize, inputs).ThrowIfFail(),
                Targets(network, Tensor.FromRowMajor(examples, network.OutputSize, material).ThrowIfFail())).ThrowIfFail());

    /// <summary>
    /// The smallest |z| over the layers whose activation is kinked at 0: the built-in kinked ones, and every
    /// custom activation when <paramref name="customKinked"/> is true. Infinity when there is none.
    /// </summary>
    public static double MinimumKinkDistance(Network network, Parameters parameters, Batch batch, bool customKinked)
    {
        var trace = ForwardPass.Run(network, parameters, batch.Inputs).Trace;
        var distance = double.PositiveInfinity;
        for (var l = 0; l < trace.Length; l++)
        {
            var activation = network.Layers[l].Activation;
            var custom = !Activations.ActivationCatalog.BuiltIn.Contains(activation);
            if (CatalogRoles.IsKinked(activation) && !custom || custom && customKinked)
                foreach (var z in trace[l].Z.Span) distance = Math.Min(distance, Math.Abs(z));
        }
        return distance;
    }

    private static Gen<LayerTensors> Layer(int units, int inputs) =>
        from w in Gen.ArrayOf(Generators.Unit.Select(u => u * Math.Sqrt(6.0 / (units + inputs))), units * inputs)
        from b in Gen.ArrayOf(Generators.Unit.Select(u => 0.5 * u), units)
        select new LayerTensors(Tensor.FromRowMajor(units, inputs, w).ThrowIfFail(), Tensor.RowVector(b));

    private static Tensor Targets(Network network, Tensor material) =>
        CatalogRoles.TargetsFor(network.Loss, network.OutputActivation) switch
        {
            TargetKind.OneHot => Tensor.Build(material.Rows, material.Columns,
                (r, c) => c == Math.Min(material.Columns - 1, (int)((material[r, 0] + 1.0) / 2.0 * material.Columns)) ? 1.0 : 0.0),
            TargetKind.Binary => material.Map(u => u >= 0 ? 1.0 : 0.0),
            _ => material.Map(u => (u + 1.0) / 2.0),
        };
}
