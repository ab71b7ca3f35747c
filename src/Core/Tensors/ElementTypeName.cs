using System.Numerics;

namespace Functional.NN.Tensors;

/// <summary>The names experiment files and messages give the element types: <c>float32</c> and <c>float64</c>.</summary>
public static class ElementTypeName
{
    /// <summary><c>float32</c> for <see cref="float"/>, <c>float64</c> for <see cref="double"/>.</summary>
    public static string Of<T>() where T : unmanaged, IFloatingPointIeee754<T> =>
        typeof(T) == typeof(float) ? "float32" : typeof(T) == typeof(double) ? "float64" : typeof(T).Name;
}
