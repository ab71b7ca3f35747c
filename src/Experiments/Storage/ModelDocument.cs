using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// The JSON payload of a model file (format version 2; version 1 is the same without
/// <c>input_standardizer</c>), property by property as docs/model-format.md describes it; names are written
/// in snake_case.
/// </summary>
/// <param name="Network">The architecture.</param>
/// <param name="Parameters">Weights and bias of each layer, in layer order.</param>
/// <param name="Metadata">Where the model came from.</param>
/// <param name="InputStandardizer">
/// The standardization the network's inputs need, x' = (x - mean)/scale, or null when it takes raw inputs.
/// Always written (as null when absent) by version 2; absent from version 1 files.
/// </param>
internal sealed record ModelDocument(NetworkDocument Network, ImmutableArray<LayerParametersDocument> Parameters, ModelMetadata Metadata,
    StandardizerDocument? InputStandardizer = null);

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
/// A tensor: its shape and its numbers in row-major order as the base64 of their IEEE-754 binary64
/// little-endian bytes (8 per number), so every double comes back bit for bit.
/// </summary>
/// <param name="Rows">Number of rows.</param>
/// <param name="Columns">Number of columns.</param>
/// <param name="Float64LittleEndian">Base64 of <c>Rows * Columns * 8</c> bytes.</param>
internal sealed record TensorDocument(int Rows, int Columns, string Float64LittleEndian)
{
    /// <summary>
    /// The numbers themselves, when the document was made from a tensor (<see cref="TensorEncoding.Encode"/>):
    /// <see cref="TensorDocumentWriter"/> then writes their base64 straight into the JSON, and no text is built.
    /// Null for a document read from JSON or given its text.
    /// </summary>
    [JsonIgnore]
    public ReadOnlyMemory<double>? Values { get; private init; }

    /// <summary>Base64 of <c>Rows * Columns * 8</c> bytes (built from <see cref="Values"/> when the document holds them).</summary>
    public string Float64LittleEndian
    {
        get => _text ?? Convert.ToBase64String(TensorEncoding.LittleEndianBytes(Values!.Value.Span));
        init => (_text, Values) = (value, null);
    }

    private readonly string? _text = Float64LittleEndian;

    /// <summary>The document of <paramref name="values"/>, a <c>[rows x columns]</c> tensor's numbers, kept as numbers.</summary>
    public static TensorDocument OfValues(int rows, int columns, ReadOnlyMemory<double> values) =>
        new(rows, columns, (string)null!) { Values = values };
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
