using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Functional.NN.Data;
using Functional.NN.Model;
using LanguageExt;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// The content hash of everything in a model file that changes a prediction (format version 3,
/// <c>metadata.prediction_hash</c>): the architecture (input size; per layer the units, the activation's
/// name and hyper-parameters; the loss, which decides how outputs are read), the parameters
/// (<see cref="LayerTree{TSelf, T}.ContentHash"/>) and the input standardizer's exact bits, or its absence.
/// Lower-case hex SHA-256 of the canonical text
/// <code>
/// fnn-prediction/v1
/// dtype float32                                                  (only for float32 parameters)
/// network 2 | 16 tanh{} | 2 softmax{} | loss softmax_ce{}
/// parameters &lt;ContentHash&gt;
/// standardizer &lt;base64 of mean bits&gt; &lt;base64 of scale bits&gt;      (or: standardizer none)
/// </code>
/// where <c>{k=v,...}</c> lists hyper-parameters by ordinal key order, values in round-trip form.
/// </summary>
internal static class PredictionHash
{
    /// <summary>The hash of a network as its document describes it, its parameters and its standardizer.</summary>
    public static string Of<T>(NetworkDocument network, Parameters<T> parameters, Option<Standardizer> standardizer)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        var text = new StringBuilder("fnn-prediction/v1\n");
        if (ElementTypes.Of<T>() != ElementType.Float64) text.Append(CultureInfo.InvariantCulture, $"dtype {ElementTypes.Of<T>().Name()}\n");
        text.Append(CultureInfo.InvariantCulture, $"network {network.InputSize}");
        foreach (var layer in network.Layers) text.Append(CultureInfo.InvariantCulture, $" | {layer.Units} {Component(layer.Activation)}");
        text.Append(CultureInfo.InvariantCulture, $" | loss {Component(network.Loss)}\n");
        text.Append(CultureInfo.InvariantCulture, $"parameters {parameters.ContentHash()}\n");
        text.Append(standardizer.Match(
            s => $"standardizer {TensorEncoding.Encode(s.Mean).Float64LittleEndian} {TensorEncoding.Encode(s.Scale).Float64LittleEndian}\n",
            () => "standardizer none\n"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private static string Component(NamedComponent component) =>
        component.Name + "{" + string.Join(',', component.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value.ToString("R", CultureInfo.InvariantCulture)}")) + "}";
}
