using Functional.NN.Experiments.Evaluation;
using System.Collections.Immutable;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Functional.NN.Activations;
using Functional.NN.Experiments;
using Functional.NN.Initialization;
using Functional.NN.Losses;
using LanguageExt.Common;

namespace Functional.NN.App.Cli;

/// <summary>
/// How <c>fnn gradcheck</c> is told what to check: <c>--model MODEL</c> (a saved model, its network and
/// parameters), or a network spec <c>--layers 2,8,1 --activations tanh,sigmoid --loss bce
/// [--init xavier_uniform] [--seed 0]</c> (<see cref="NetworkSpec"/>). Exactly one of the two; a spec must
/// describe a valid network. Every violation is a usage error found while parsing.
/// </summary>
internal sealed class GradcheckModelOptions
{
    /// <summary>The options, created with their parsers.</summary>
    public GradcheckModelOptions()
    {
        Model = new Option<string>("--model")
        {
            Description = "A saved model file (.fnn): check its network at its parameters. Not with --layers.",
            HelpName = "MODEL",
        };
        Layers = new Option<ImmutableArray<int>?>("--layers")
        {
            Description = "Network spec: sizes from input to output, comma-separated (2,8,1 is 2 inputs, 8 hidden units, 1 output). Needs --activations and --loss.",
            HelpName = "N,N,...",
            CustomParser = result => ParseList(result, "--layers", text =>
                int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1
                    ? LanguageExt.Fin<int>.Succ(n)
                    : Error.New($"'{text}' is not a whole number of at least 1")),
        };
        Activations = new Option<ImmutableArray<Activation>?>("--activations")
        {
            Description = $"Network spec: one activation per layer after the input, comma-separated ({string.Join(", ", ActivationCatalog.BuiltIn.Select(a => a.Name))}).",
            HelpName = "NAME,...",
            CustomParser = result => ParseList(result, "--activations", ActivationCatalog.FromName),
        };
        Loss = new Option<Loss?>("--loss")
        {
            Description = $"Network spec: the loss ({string.Join(", ", LossCatalog.BuiltIn.Select(l => l.Name))}).",
            HelpName = "NAME",
            CustomParser = result => ParseOne(result, "--loss", LossCatalog.FromName),
        };
        Init = new Option<Initializer?>("--init")
        {
            Description = $"Network spec: weight initializer ({string.Join(", ", InitializerNames.Known.Select(i => i.Name))}); biases start at 0. Default {InitializerNames.Default.Name}.",
            HelpName = "NAME",
            CustomParser = result => ParseOne(result, "--init", InitializerNames.FromName),
        };
        Seed = new Option<ulong?>("--seed")
        {
            Description = "Network spec: seed of the initializer's random key. Default 0.",
            HelpName = "S",
            CustomParser = result => ParseOne(result, "--seed", text =>
                ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seed)
                    ? LanguageExt.Fin<ulong?>.Succ(seed)
                    : Error.New($"'{text}' is not a whole number from 0 to {ulong.MaxValue}")),
        };
    }

    /// <summary><c>--model MODEL</c>.</summary>
    public Option<string> Model { get; }

    /// <summary><c>--layers N,N,...</c>.</summary>
    public Option<ImmutableArray<int>?> Layers { get; }

    /// <summary><c>--activations NAME,...</c>.</summary>
    public Option<ImmutableArray<Activation>?> Activations { get; }

    /// <summary><c>--loss NAME</c>.</summary>
    public Option<Loss?> Loss { get; }

    /// <summary><c>--init NAME</c>.</summary>
    public Option<Initializer?> Init { get; }

    /// <summary><c>--seed S</c>.</summary>
    public Option<ulong?> Seed { get; }

    /// <summary>Adds the options and the rule "either --model or a valid network spec" to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { Model, Layers, Activations, Loss, Init, Seed }) command.Add(option);
        command.Validators.Add(Validate);
    }

    /// <summary>The model of a parse that passed validation: read from the model file, or built from the spec.</summary>
    public LanguageExt.Fin<ModelUnderCheck> Read(ParseResult parse) =>
        parse.GetValue(Model) is { } path
            ? TrainedModel.Load(path).Map(model => new ModelUnderCheck(model.Network, model.Float64Parameters, $"parameters of {path}"))
            : Spec(parse.GetValue(Layers)!.Value, parse.GetValue(Activations)!.Value, parse.GetValue(Loss)!, parse.GetValue(Init), parse.GetValue(Seed)).Build();

    private void Validate(CommandResult result)
    {
        var given = new Option[] { Activations, Loss, Init, Seed }.Where(o => result.GetResult(o) is not null).Select(o => o.Name).ToList();
        var hasModel = result.GetResult(Model) is not null;
        var hasLayers = result.GetResult(Layers) is not null;
        if (hasModel && (hasLayers || given.Count > 0))
            result.AddError($"--model takes the network from the file; do not also give {string.Join(", ", hasLayers ? given.Prepend("--layers") : given)}");
        else if (!hasModel && !hasLayers)
            result.AddError("say what to check: --model MODEL, or a network spec --layers N,N,... --activations NAME,... --loss NAME");
        else if (hasLayers)
        {
            var missing = new Option[] { Activations, Loss }.Where(o => result.GetResult(o) is null).Select(o => o.Name).ToList();
            if (missing.Count > 0) result.AddError($"a network spec (--layers) also needs {string.Join(" and ", missing)}");
            else if (ValueIfParsed(result, Layers) is { } layers && ValueIfParsed(result, Activations) is { } activations
                     && ValueIfParsed(result, Loss) is { } loss)
                Spec(layers, activations, loss, null, null).CreateNetwork().IfFail(e => result.AddError($"network spec: {e.Message}"));
        }
    }

    /// <summary>
    /// The option's value, or default when its own parser rejected the text (System.CommandLine then throws on
    /// reading it; that error is already reported against the option, so the spec is not checked further).
    /// </summary>
    private static T? ValueIfParsed<T>(CommandResult result, Option<T> option)
    {
        try
        {
            return result.GetValue(option);
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    private static NetworkSpec Spec(ImmutableArray<int> layers, ImmutableArray<Activation> activations, Loss loss, Initializer? init, ulong? seed) =>
        new(layers, activations, loss, init ?? InitializerNames.Default, seed ?? 0);

    private static ImmutableArray<T>? ParseList<T>(ArgumentResult result, string name, Func<string, LanguageExt.Fin<T>> parseItem)
    {
        var text = string.Join(",", result.Tokens.Select(t => t.Value));
        var items = ImmutableArray.CreateBuilder<T>();
        foreach (var item in text.Split(','))
        {
            var parsed = parseItem(item.Trim());
            if (parsed.IsFail)
            {
                result.AddError($"{name}: {parsed.Match(Succ: _ => "", Fail: e => e.Message)}");
                return null;
            }
            items.Add(parsed.ThrowIfFail());
        }
        return items.ToImmutable();
    }

    private static T? ParseOne<T>(ArgumentResult result, string name, Func<string, LanguageExt.Fin<T>> parse)
    {
        var text = string.Join(" ", result.Tokens.Select(t => t.Value));
        var parsed = parse(text);
        if (parsed.IsSucc) return parsed.ThrowIfFail();
        result.AddError($"{name}: {parsed.Match(Succ: _ => "", Fail: e => e.Message)}");
        return default;
    }
}
