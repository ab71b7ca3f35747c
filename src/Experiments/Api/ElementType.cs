namespace Functional.NN.Experiments;

/// <summary>
/// The floating-point type a model's numbers are stored and computed in: the <c>"dtype"</c> of experiment files,
/// model files and checkpoints.
/// </summary>
public enum ElementType
{
    /// <summary>IEEE-754 binary64 (<c>double</c>), written <c>"float64"</c>: the default.</summary>
    Float64,

    /// <summary>IEEE-754 binary32 (<c>float</c>), written <c>"float32"</c>.</summary>
    Float32,
}

/// <summary>The names of <see cref="ElementType"/> as files spell them, and the type of a generic element.</summary>
public static class ElementTypes
{
    /// <summary>The name files use: <c>float64</c> or <c>float32</c>.</summary>
    /// <param name="type">The element type.</param>
    public static string Name(this ElementType type) => type == ElementType.Float32 ? "float32" : "float64";

    /// <summary>Every name a file may give, in the order messages list them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["float32", "float64"];

    /// <summary>The element type named <paramref name="name"/> (<c>float32</c> or <c>float64</c>), or None.</summary>
    /// <param name="name">The name as written.</param>
    public static LanguageExt.Option<ElementType> FromName(string name) => name switch
    {
        "float64" => ElementType.Float64,
        "float32" => ElementType.Float32,
        _ => LanguageExt.Option<ElementType>.None,
    };

    /// <summary>The element type of <typeparamref name="T"/>: Float32 for <c>float</c>, Float64 for <c>double</c>.</summary>
    /// <exception cref="NotSupportedException">For any other type (a bug in the caller).</exception>
    public static ElementType Of<T>() =>
        typeof(T) == typeof(float) ? ElementType.Float32
        : typeof(T) == typeof(double) ? ElementType.Float64
        : throw new NotSupportedException($"element type {typeof(T).Name}: only float and double are supported");
}
