using System.Numerics;
using Functional.NN.Activations;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Tensors;

namespace Functional.NN.Verification;

/// <summary>
/// Compares analytic derivatives with central finite differences (L(p+h) - L(p-h)) / 2h, element by
/// element, as <c>torch.autograd.gradcheck</c> does. At a kink (ReLU at z = 0, leaky ReLU, ELU) the central
/// difference straddles both sides and sees the average slope, while the analytic rule picks one side,
/// so a check there fails by design: keep pre-activations at least a few h away from kinks.
/// </summary>
public static class GradientCheck
{
    /// <summary>Checks dL/dW and dL/db of every layer of a network on a batch.</summary>
    public static GradientCheckReport OfNetwork(Network network, Parameters parameters, Batch batch, GradientCheckOptions? options = null) =>
        AgainstCentralDifferences(network, parameters, batch, Backpropagation.Gradient(network, parameters, batch), options ?? GradientCheckOptions.Default);

    /// <summary>
    /// Checks the gradient computed in <typeparamref name="T"/> (float32, say) against central differences of the same
    /// network's loss computed in float64, at the same numbers (widened exactly): the float64 side is the reference.
    /// Use a tolerance made for <typeparamref name="T"/>'s precision, such as <see cref="GradientCheckOptions.Float32"/>.
    /// </summary>
    public static GradientCheckReport OfNetworkAgainstFloat64<T>(Network network, Parameters<T> parameters, Batch<T> batch, GradientCheckOptions options)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var analytic = Backpropagation.Gradient(network, parameters, batch).Convert<double>();
        var wideBatch = batch.Convert<double>().ThrowIfFail();
        return AgainstCentralDifferences(network, parameters.Convert<double>(), wideBatch, analytic, options);
    }

    private static GradientCheckReport AgainstCentralDifferences(Network network, Parameters parameters, Batch batch, Gradients analytic,
        GradientCheckOptions o)
    {
        var comparisons = new List<GradientComparison>();
        for (var l = 0; l < parameters.Count; l++)
        {
            var layer = l;
            Compare(parameters[l].Weights, analytic[l].Weights, "W", w => parameters.Layers.SetItem(layer, parameters[layer] with { Weights = w }));
            Compare(parameters[l].Bias, analytic[l].Bias, "b", b => parameters.Layers.SetItem(layer, parameters[layer] with { Bias = b }));

            void Compare(Tensor value, Tensor gradient, string name, Func<Tensor, System.Collections.Immutable.ImmutableArray<LayerTensors>> replace)
            {
                for (var r = 0; r < value.Rows; r++)
                    for (var c = 0; c < value.Columns; c++)
                    {
                        double LossWith(double x) => ForwardPass.Loss(network, Parameters.FromTrustedLayers(replace(value.With(r, c, x))), batch);
                        var numerical = CentralDifference(LossWith, value[r, c], o.Epsilon);
                        comparisons.Add(new GradientComparison(new ParameterLocation(layer + 1, name, r, c), gradient[r, c], numerical));
                    }
            }
        }
        return new GradientCheckReport(comparisons, o);
    }

    /// <summary>
    /// Checks an activation's backward rule at the pre-activations <paramref name="z"/>, through the
    /// scalar L = Σ a ⊙ w with fixed random-looking weights w, so that every Jacobian entry counts.
    /// </summary>
    public static GradientCheckReport OfActivation(Activation activation, Tensor z, GradientCheckOptions? options = null)
    {
        var weights = Tensor.Build(z.Rows, z.Columns, (r, c) => 0.5 + 0.37 * ((r * 7 + c * 3) % 5));
        double Objective(Tensor x) => TensorAlgebra.Sum(TensorAlgebra.Hadamard(activation.Apply(x), weights));
        var analytic = activation.Backward(z, activation.Apply(z), weights);
        return OfTensorFunction(Objective, z, analytic, "z", options);
    }

    /// <summary>Checks a loss's output delta dL/dz for output activation <paramref name="outputActivation"/> at pre-activations <paramref name="z"/>.</summary>
    public static GradientCheckReport OfLoss(Loss loss, Activation outputActivation, Tensor z, Tensor targets, GradientCheckOptions? options = null)
    {
        double Objective(Tensor x) => loss.Value(x, outputActivation.Apply(x), targets);
        var analytic = loss.OutputDelta(outputActivation, z, outputActivation.Apply(z), targets);
        return OfTensorFunction(Objective, z, analytic, "z", options);
    }

    private static GradientCheckReport OfTensorFunction(Func<Tensor, double> f, Tensor at, Tensor analytic, string name, GradientCheckOptions? options)
    {
        var o = options ?? GradientCheckOptions.Default;
        var comparisons = new List<GradientComparison>();
        for (var r = 0; r < at.Rows; r++)
            for (var c = 0; c < at.Columns; c++)
            {
                var (row, column) = (r, c);
                var numerical = CentralDifference(x => f(at.With(row, column, x)), at[r, c], o.Epsilon);
                comparisons.Add(new GradientComparison(new ParameterLocation(0, name, r, c), analytic[r, c], numerical));
            }
        return new GradientCheckReport(comparisons, o);
    }

    private static double CentralDifference(Func<double, double> f, double x, double h) => (f(x + h) - f(x - h)) / (2 * h);
}
