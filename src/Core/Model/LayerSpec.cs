using Functional.NN.Activations;

namespace Functional.NN.Model;

/// <summary>One dense layer's hyper-parameters: how many units, and their activation.</summary>
/// <param name="Units">Number of neurons (outputs) of the layer.</param>
/// <param name="Activation">The non-linearity applied to the layer's pre-activation.</param>
public sealed record LayerSpec(int Units, Activation Activation);
