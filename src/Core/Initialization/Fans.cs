namespace Functional.NN.Initialization;

/// <summary>
/// The fan-in and fan-out of a dense layer, the quantities that variance-scaling initializers divide by:
/// for W <c>[out x in]</c>, fan-in = in (inputs of the layer) and fan-out = out (its units), as PyTorch's
/// <c>_calculate_fan_in_and_fan_out</c> for <c>nn.Linear</c>. A layer's bias is initialized with its layer's fans.
/// </summary>
/// <param name="In">Inputs of the layer.</param>
/// <param name="Out">Units of the layer.</param>
public readonly record struct Fans(int In, int Out);
