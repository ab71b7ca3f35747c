using Functional.NN.Model;

namespace Functional.NN.Tests.Optimizers;

/// <summary>The tensors of float trees as arrays, in the element-wise pass's numbering, for the float32 optimizer tests.</summary>
public static class FloatTrees
{
    /// <summary>Tensor <paramref name="index"/> of a tree (2·layer weights, 2·layer + 1 bias) as a row-major array.</summary>
    public static float[] TensorArray(LayerTensors<float>[] layers, int index) =>
        (index % 2 == 0 ? layers[index / 2].Weights : layers[index / 2].Bias).ToArray();
}
