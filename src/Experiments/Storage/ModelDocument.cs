using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// The JSON payload of a model file (format version 3; version 1 is the same without <c>input_standardizer</c>, version 4
/// adds <c>dtype</c> for float32 parameters), property by property as docs/model-format.md describes it; names are written
/// in snake_case.
/// </summary>
/// <param name="Network">The architecture.</param>
/// <param name="Parameters">Weights and bias of each layer, in layer order.</param>
/// <param name="Metadata">Where the model came from.</param>
/// <param name="InputStandardizer">
/// The standardization the network's inputs need, x' = (x - mean)/scale, or null when it takes raw inputs.
/// Always written (as null when absent) by version 2; absent from version 1 files. Always float64, whatever the dtype.
/// </param>
/// <param name="Dtype">
/// Format version 4: the element type of the parameters, <c>"float32"</c>; absent (null) from float64 files, which this build
/// still writes as version 3, byte for byte as before the key existed.
/// </param>
internal sealed record ModelDocument(NetworkDocument Network, ImmutableArray<LayerParametersDocument> Parameters, ModelMetadata Metadata,
    StandardizerDocument? InputStandardizer = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Dtype = null);

/// <summary>A per-feature input standardization: <c>[1 x inputs]</c> rows of means and scales.</summary>
/// <param name="Mean">μ per input feature.</param>
/// <param name="Scale">s per input feature, finite and positive.</param>
internal sealed record StandardizerDocument(TensorDocument Mean, TensorDocument Scale);

/// <summary>A network's architecture: input size, layers from first hidden to output, and loss.</summary>
/// <param name="InputSize">Number of input features.</param>
/// <param name="Layers">The layers in order.</param>
/// <param name="Loss">The training objective.</param>
internal sealed record NetworkDocument(int InputSize, ImmutableArray<LayerDocument> Layers, NamedComponent Loss);

/// <summary>One dense layer: its units and activation.</summary>
/// <param name="Units">Number of neurons.</param>
/// <param name="Activation">Its activation.</param>
internal sealed record LayerDocument(int Units, NamedComponent Activation);

/// <summary>The numbers of one layer: W <c>[units x inputs]</c> and b <c>[1 x units]</c>.</summary>
/// <param name="Weights">W.</param>
/// <param name="Bias">b.</param>
internal sealed record LayerParametersDocument(TensorDocument Weights, TensorDocument Bias);

/// <summary>
/// A tensor: its shape and its numbers in row-major order as the base64 of their IEEE-754 little-endian bytes, so every
/// number comes back bit for bit: <c>float64_little_endian</c> (binary64, 8 bytes per number) in a float64 file,
/// <c>float32_little_endian</c> (binary32, 4 bytes per number) in a float32 one. Exactly one of the two is given.
/// </summary>
/// <param name="Rows">Number of rows.</param>
/// <param name="Columns">Number of columns.</param>
/// <param name="Float64LittleEndian">Base64 of <c>Rows * Columns * 8</c> bytes, or null in a float32 document.</param>
/// <param name="Float32LittleEndian">Base64 of <c>Rows * Columns * 4</c> bytes, or null in a float64 document.</param>
internal sealed record TensorDocument(int Rows, int Columns, string? Float64LittleEndian = null, string? Float32LittleEndian = null)
{
    /// <summary>
    /// The numbers themselves, when the document was made from a tensor (<see cref="TensorEncoding.Encode{T}"/>):
    /// <see cref="TensorDocumentWriter"/> then writes their base64 straight into the JSON, and no text is built.
    /// Null for a document read from JSON or given its text.
    /// </summary>
    [JsonIgnore]
    public HeldNumbers? Values { get; private init; }

    /// <summary>Base64 of <c>Rows * Columns * 8</c> bytes (built from <see cref="Values"/> when the document holds doubles), or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Float64LittleEndian
    {
        get => _float64 ?? (Values is { ElementType: ElementType.Float64 } held ? Convert.ToBase64String(held.LittleEndianBytes()) : null);
        init => (_float64, Values) = (value, null);
    }

    /// <summary>Base64 of <c>Rows * Columns * 4</c> bytes (built from <see cref="Values"/> when the document holds floats), or null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Float32LittleEndian
    {
        get => _float32 ?? (Values is { ElementType: ElementType.Float32 } held ? Convert.ToBase64String(held.LittleEndianBytes()) : null);
        init => (_float32, Values) = (value, null);
    }

    private readonly string? _float64 = Float64LittleEndian;
    private readonly string? _float32 = Float32LittleEndian;

    /// <summary>The document of <paramref name="values"/>, a <c>[rows x columns]</c> tensor's numbers, kept as numbers.</summary>
    public static TensorDocument OfValues<T>(int rows, int columns, ReadOnlyMemory<T> values) where T : unmanaged, System.Numerics.IFloatingPointIeee754<T> =>
        new(rows, columns) { Values = new HeldNumbers<T>(values) };

    /// <summary>The document of <paramref name="values"/>, a <c>[rows x columns]</c> tensor's doubles, kept as numbers.</summary>
    public static TensorDocument OfValues(int rows, int columns, ReadOnlyMemory<double> values) => OfValues<double>(rows, columns, values);
}

/// <summary>Where a saved model came from.</summary>
/// <param name="LibraryVersion">Informational version of the Functional.NN library that wrote the file.</param>
/// <param name="Experiment">Name of the experiment that produced the model.</param>
/// <param name="ParametersContentHash">The parameters' <c>ContentHash()</c>, checked again when loading.</param>
/// <param name="PredictionHash">
/// Format version 3: <see cref="Storage.PredictionHash"/> of the network, the parameters and the input standardizer,
/// checked again when loading; absent (null) in versions 1 and 2, whose hash covers the parameters only.
/// </param>
internal sealed record ModelMetadata(string LibraryVersion, string Experiment, string ParametersContentHash, string? PredictionHash = null);
