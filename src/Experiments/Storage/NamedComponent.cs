namespace Functional.NN.Experiments.Storage;

/// <summary>
/// How a model file names an activation or a loss: its catalog name and its numeric hyper-parameters
/// (empty for parameter-free ones), e.g. <c>{"name": "leaky_relu", "parameters": {"slope": 0.01}}</c>.
/// Parameter names are the component's public property names in snake_case.
/// </summary>
/// <param name="Name">Name as in <c>ActivationCatalog</c> or <c>LossCatalog</c>.</param>
/// <param name="Parameters">Hyper-parameters by snake_case name.</param>
internal sealed record NamedComponent(string Name, IReadOnlyDictionary<string, double> Parameters)
{
    /// <summary>True when both have the same name and the same parameters, compared bit for bit.</summary>
    public bool SameAs(NamedComponent other) =>
        Name == other.Name &&
        Parameters.Count == other.Parameters.Count &&
        Parameters.All(p => other.Parameters.TryGetValue(p.Key, out var v) &&
                            BitConverter.DoubleToInt64Bits(v) == BitConverter.DoubleToInt64Bits(p.Value));

    /// <summary>The parameters as text for messages: <c>{slope=0.01}</c>, or <c>{}</c>.</summary>
    public string ParametersText() =>
        "{" + string.Join(", ", Parameters.OrderBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => $"{p.Key}={p.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}")) + "}";
}
