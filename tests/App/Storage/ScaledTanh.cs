using Functional.NN.Activations;
using Functional.NN.Losses;
using LanguageExt;

namespace Functional.NN.Tests.App.Storage;

/// <summary>
/// A parameterised activation that the catalog does not know yet, standing in for <c>leaky_relu(slope)</c>
/// and its kin: f(z) = tanh(Gain z).
/// </summary>
/// <param name="Gain">Multiplies z before the tanh.</param>
public sealed record ScaledTanh(double Gain) : ElementwiseActivation
{
    /// <summary>The catalog default.</summary>
    public static ScaledTanh Default { get; } = new(1.0);

    /// <inheritdoc />
    public override string Name => "scaled_tanh";

    /// <inheritdoc />
    public override T Value<T>(T z) => T.Tanh(T.CreateTruncating(Gain) * z);

    /// <inheritdoc />
    public override T Derivative<T>(T z, T a) => T.CreateTruncating(Gain) * (T.One - a * a);

    /// <summary>The activation catalog extended with <c>scaled_tanh</c>.</summary>
    public static Fin<Activation> Catalog(string name) => name == "scaled_tanh" ? Default : ActivationCatalog.FromName(name);
}
