using Functional.NN.Onnx;
using Functional.NN.Tensors;

namespace Functional.NN.Tests.Onnx;

/// <summary>
/// How closely ONNX Runtime must reproduce <c>ForwardPass.Predict</c>: element by element,
/// |onnx - ours| ≤ tolerance · max(1, |ours|). float64: 1e-12 (both sides compute in double; only the
/// summation order of Gemm and the libm of exp/erf/log differ, a few ulps per layer). float32: 1e-5
/// (weights and inputs rounded to float, ε = 6e-8, a few roundings per layer on well-scaled networks).
/// </summary>
public static class OnnxAgreement
{
    /// <summary>The tolerance for a model of <paramref name="type"/>.</summary>
    public static double ToleranceFor(OnnxElementType type) => type == OnnxElementType.Double ? 1e-12 : 1e-5;

    /// <summary>The largest |onnx - ours| / max(1, |ours|) over all elements; infinity when the shapes differ or a value is NaN.</summary>
    public static double ScaledError(Tensor ours, Tensor onnx)
    {
        if (!ours.SameShape(onnx)) return double.PositiveInfinity;
        var worst = 0.0;
        for (var i = 0; i < ours.Length; i++)
        {
            var error = Math.Abs(onnx.Span[i] - ours.Span[i]) / Math.Max(1.0, Math.Abs(ours.Span[i]));
            worst = double.IsNaN(error) ? double.PositiveInfinity : Math.Max(worst, error);
        }
        return worst;
    }
}
