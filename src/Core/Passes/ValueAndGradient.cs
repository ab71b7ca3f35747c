using System.Numerics;
using Functional.NN.Model;

namespace Functional.NN.Passes;

/// <summary>A loss value together with its gradient at the same parameters (as <c>jax.value_and_grad</c>).</summary>
/// <param name="Value">The loss.</param>
/// <param name="Gradients">dL/dW and dL/db for every layer.</param>
/// <param name="Forward">The forward pass that produced them.</param>
/// <typeparam name="T">The element type, <see cref="double"/> or <see cref="float"/>.</typeparam>
public sealed record ValueAndGradient<T>(T Value, Gradients<T> Gradients, ForwardResult<T> Forward) where T : unmanaged, IFloatingPointIeee754<T>;
