using System.Collections.Immutable;
using System.Numerics;
using Functional.NN.Model;
using Functional.NN.Optimizers;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Storage;

/// <summary>
/// Optimizer states to and from <see cref="OptimizerStateDocument"/>, for every kind Core has (empty,
/// count, momentum, adam, rms, and chain holding any of them), with exact IEEE bits for the moment trees
/// (<see cref="TensorEncoding"/>) in the parameters' element type <c>T</c> (float32 moments as <c>float32_little_endian</c>).
/// Reading checks that a kind has exactly its own fields and that every tree has the parameters' shapes.
/// </summary>
internal static class CheckpointOptimizerState
{
    /// <summary>The document of <paramref name="state"/>, or an error for a kind this format does not know.</summary>
    public static Fin<OptimizerStateDocument> Encode(OptimizerState state) => Encode<double>(state);

    /// <summary>
    /// The document of <paramref name="state"/>, whose moment trees are of <typeparamref name="T"/>, or an error for a kind
    /// this format does not know (or moments of another element type).
    /// </summary>
    public static Fin<OptimizerStateDocument> Encode<T>(OptimizerState state) where T : unmanaged, IFloatingPointIeee754<T> => state switch
    {
        EmptyState => new OptimizerStateDocument(EmptyState.KindName),
        CountState c => new OptimizerStateDocument(CountState.KindName, c.Count),
        MomentumState<T> m => new OptimizerStateDocument(MomentumState.KindName, m.Count, Buffer: Tree(m.Buffer)),
        AdamState<T> a => new OptimizerStateDocument(AdamState.KindName, a.Count, Mu: Tree(a.Mu), Nu: Tree(a.Nu)),
        RmsState<T> r => new OptimizerStateDocument(RmsState.KindName, r.Count, Nu: Tree(r.Nu)),
        ChainState chain => FinSequence.Each(chain.States.Length, i => Encode<T>(chain.States[i]))
            .Map(states => new OptimizerStateDocument(ChainState.KindName, States: [.. states])),
        _ => Error.New($"optimizer state of kind '{state.Kind}' cannot be stored in a checkpoint (known: empty, count, momentum, adam, rms, chain)"),
    };

    /// <summary>The state in <paramref name="document"/>, its trees shaped like <paramref name="parameters"/>; errors name <paramref name="path"/>.</summary>
    public static Fin<OptimizerState> Decode<T>(OptimizerStateDocument document, Parameters<T> parameters, string path)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var expected = document.Kind switch
        {
            EmptyState.KindName => new[] { "kind" },
            CountState.KindName => ["kind", "count"],
            MomentumState.KindName => ["kind", "count", "buffer"],
            AdamState.KindName => ["kind", "count", "mu", "nu"],
            RmsState.KindName => ["kind", "count", "nu"],
            ChainState.KindName => ["kind", "states"],
            _ => null,
        };
        if (expected is null)
            return Error.New($"{path}: unknown optimizer state kind '{document.Kind}' (known: empty, count, momentum, adam, rms, chain)");
        var present = Present(document);
        if (present.Except(expected).FirstOrDefault() is { } extra)
            return Error.New($"{path}: a '{document.Kind}' state has no '{extra}'");
        if (expected.Except(present).FirstOrDefault() is { } missing)
            return Error.New($"{path}: a '{document.Kind}' state needs '{missing}'");
        try
        {
            return document.Kind switch
            {
                EmptyState.KindName => EmptyState.Instance,
                CountState.KindName => new CountState(document.Count!.Value),
                MomentumState.KindName => Tree(document.Buffer!, parameters, $"{path}.buffer").Map(b => (OptimizerState)new MomentumState<T>(document.Count!.Value, b)),
                AdamState.KindName =>
                    from mu in Tree(document.Mu!, parameters, $"{path}.mu")
                    from nu in Tree(document.Nu!, parameters, $"{path}.nu")
                    select (OptimizerState)new AdamState<T>(document.Count!.Value, mu, nu),
                RmsState.KindName => Tree(document.Nu!, parameters, $"{path}.nu").Map(nu => (OptimizerState)new RmsState<T>(document.Count!.Value, nu)),
                _ => FinSequence.Each(document.States!.Length, i => Decode(document.States[i], parameters, $"{path}.states[{i}]"))
                    .Map(states => (OptimizerState)new ChainState(states)),
            };
        }
        catch (ArgumentException e)
        {
            return Error.New($"{path}: {e.Message}");
        }
    }

    /// <summary>The kinds of a state as text, children in order (<c>chain(adam, count)</c>), to check that a stored state fits an optimizer.</summary>
    public static string Shape(OptimizerState state) =>
        state is ChainState chain ? $"chain({string.Join(", ", chain.States.Select(Shape))})" : state.Kind;

    private static string[] Present(OptimizerStateDocument d) =>
        new (string Key, bool Given)[]
        {
            ("kind", true), ("count", d.Count is not null), ("buffer", d.Buffer is not null), ("mu", d.Mu is not null),
            ("nu", d.Nu is not null), ("states", d.States is not null),
        }.Where(p => p.Given).Select(p => p.Key).ToArray();

    private static LayerParametersDocument[] Tree<T>(Gradients<T> tree) where T : unmanaged, IFloatingPointIeee754<T> =>
        tree.Layers.Select(l => new LayerParametersDocument(TensorEncoding.Encode(l.Weights), TensorEncoding.Encode(l.Bias))).ToArray();

    private static Fin<Gradients<T>> Tree<T>(LayerParametersDocument[] layers, Parameters<T> parameters, string path)
        where T : unmanaged, IFloatingPointIeee754<T> =>
        from decoded in FinSequence.Each(layers.Length, i =>
            from w in TensorEncoding.Decode<T>(layers[i].Weights, $"{path}[{i}].weights")
            from b in TensorEncoding.Decode<T>(layers[i].Bias, $"{path}[{i}].bias")
            select new LayerTensors<T>(w, b))
        let tree = new Gradients<T>(decoded)
        from _ in tree.SameStructure(parameters)
            ? Fin<Unit>.Succ(Prelude.unit)
            : Error.New($"{path}: shapes {tree.Describe()} differ from the parameters' {parameters.Describe()}")
        select tree;
}
