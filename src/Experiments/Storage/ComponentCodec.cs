using System.Reflection;
using System.Text.Json;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Turns catalog activations and losses into <see cref="NamedComponent"/> values and back. A component's
/// hyper-parameters are its public <see cref="double"/> properties other than <c>Name</c>, found by
/// reflection so that parameterised activations added to the catalog (such as <c>leaky_relu(slope)</c>)
/// are stored without changes here. Rebuilding asks the catalog for the name; when the stored parameters
/// differ from the catalog's default, it calls the component's public constructor whose parameters are
/// exactly the stored ones. Every step is checked: a component that cannot be rebuilt to an equal value
/// is refused when saving, and a stored one that does not come back with the same parameters is refused
/// when loading.
/// </summary>
internal static class ComponentCodec
{
    /// <summary>The stored form of <paramref name="component"/>, or why it cannot be stored.</summary>
    /// <param name="component">An activation or a loss.</param>
    /// <param name="name">Its catalog name.</param>
    /// <param name="fromName">The catalog lookup used to prove the stored form rebuilds an equal component.</param>
    /// <param name="what">How messages call it (<c>layer 2 activation</c>).</param>
    public static Fin<NamedComponent> Describe<T>(T component, string name, Func<string, Fin<T>> fromName, string what) where T : class =>
        from described in Parameters(component, name, what)
        from rebuilt in Rebuild(described, fromName, what)
        from _ in rebuilt.Equals(component)
            ? Fin<Unit>.Succ(Prelude.unit)
            : Error.New($"{what} '{name}' cannot be stored in a model file: rebuilding it from its name and parameters " +
                        $"{described.ParametersText()} gives a different {typeof(T).Name.ToLowerInvariant()} (custom components are not in the catalog)")
        select described;

    /// <summary>The component named by <paramref name="stored"/>, with exactly its parameters, or why it cannot be built.</summary>
    public static Fin<T> Rebuild<T>(NamedComponent stored, Func<string, Fin<T>> fromName, string what) where T : class
    {
        var baseline = fromName(stored.Name);
        if (baseline.IsFail) return Error.New($"{what}: {baseline.Match(_ => "", e => e.Message)}");
        var catalogDefault = baseline.ThrowIfFail();
        return from defaults in Parameters(catalogDefault, stored.Name, what)
               from built in defaults.SameAs(stored) ? catalogDefault : Construct(catalogDefault.GetType(), stored, what).Map(o => (T)o)
               from check in Parameters(built, stored.Name, what)
               from result in check.SameAs(stored)
                   ? Fin<T>.Succ(built)
                   : Error.New($"{what} '{stored.Name}': built with parameters {check.ParametersText()}, but the file stores {stored.ParametersText()}")
               select result;
    }

    private static Fin<NamedComponent> Parameters(object component, string name, string what)
    {
        var parameters = new SortedDictionary<string, double>(StringComparer.Ordinal);
        foreach (var property in component.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name == "Name" || property.GetIndexParameters().Length > 0) continue;
            if (property.PropertyType != typeof(double))
                return Error.New($"{what} '{name}' cannot be stored in a model file: its property {property.Name} is a " +
                                 $"{property.PropertyType.Name}, only numbers can be stored (custom components are not in the catalog)");
            parameters[SnakeCase(property.Name)] = (double)property.GetValue(component)!;
        }
        return new NamedComponent(name, parameters);
    }

    private static Fin<object> Construct(Type type, NamedComponent stored, string what)
    {
        var constructor = type.GetConstructors().FirstOrDefault(c =>
            c.GetParameters().All(p => p.ParameterType == typeof(double)) &&
            c.GetParameters().Select(p => SnakeCase(p.Name!)).Order(StringComparer.Ordinal)
                .SequenceEqual(stored.Parameters.Keys.Order(StringComparer.Ordinal)));
        if (constructor is null)
            return Error.New($"{what} '{stored.Name}' does not take the parameters {stored.ParametersText()}");
        try
        {
            return constructor.Invoke(constructor.GetParameters().Select(p => (object)stored.Parameters[SnakeCase(p.Name!)]).ToArray());
        }
        catch (TargetInvocationException e)
        {
            return Error.New($"{what} '{stored.Name}' with parameters {stored.ParametersText()}: {e.InnerException?.Message ?? e.Message}");
        }
    }

    private static string SnakeCase(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
