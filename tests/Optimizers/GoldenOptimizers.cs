using System.Text.Json;
using Functional.NN.Optimizers;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// Our optimizer for a reference run's <c>hyper</c> field (torch.optim keyword arguments), or why it cannot
/// be expressed. Every key is read from the file; a key or value we do not implement makes the run
/// unsupported (reported as skipped), never silently ignored.
/// </summary>
public static class GoldenOptimizers
{
    private static readonly Dictionary<string, string[]> KnownKeys = new()
    {
        ["sgd"] = ["kind", "lr", "momentum", "dampening", "nesterov", "weight_decay"],
        ["adam"] = ["kind", "lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"],
        ["adamw"] = ["kind", "lr", "beta1", "beta2", "eps", "weight_decay", "amsgrad"],
        ["rmsprop"] = ["kind", "lr", "alpha", "eps", "momentum", "centered", "weight_decay"],
    };

    /// <summary>The optimizer described by <paramref name="hyper"/>.</summary>
    public static Fin<GradientTransformation> FromHyper(IReadOnlyDictionary<string, JsonElement> hyper)
    {
        var kind = hyper.TryGetValue("kind", out var k) ? k.GetString() ?? "" : "";
        if (!KnownKeys.TryGetValue(kind, out var known))
            return Error.New($"optimizer kind '{kind}' is not implemented");
        var unknown = hyper.Keys.Except(known).ToList();
        if (unknown.Count > 0)
            return Error.New($"{kind}: hyper-parameters not understood: {string.Join(", ", unknown)}");

        double Number(string key) => hyper[key].GetDouble();
        bool Flag(string key) => hyper.TryGetValue(key, out var v) && v.GetBoolean();
        double Optional(string key) => hyper.TryGetValue(key, out var v) ? v.GetDouble() : 0.0;

        return kind switch
        {
            "sgd" when Optional("weight_decay") != 0 => Error.New("sgd: coupled (L2) weight decay is not implemented"),
            "sgd" when Optional("dampening") != 0 => Error.New("sgd: dampening is not implemented"),
            "sgd" when Optional("momentum") == 0 && !Flag("nesterov") => Optimizer.Sgd(Number("lr")),
            "sgd" => Optimizer.SgdMomentum(Number("lr"), Number("momentum"), Flag("nesterov")),
            "adam" when Optional("weight_decay") != 0 => Error.New("adam: coupled (L2) weight decay is not implemented"),
            "adam" when Flag("amsgrad") => Error.New("adam: amsgrad is not implemented"),
            "adam" => Optimizer.Adam(Number("lr"), Number("beta1"), Number("beta2"), Number("eps")),
            "adamw" when Flag("amsgrad") => Error.New("adamw: amsgrad is not implemented"),
            "adamw" => Optimizer.AdamW(Number("lr"), Number("beta1"), Number("beta2"), Number("eps"), Number("weight_decay")),
            "rmsprop" when Optional("momentum") != 0 => Error.New("rmsprop: momentum is not implemented"),
            "rmsprop" when Flag("centered") => Error.New("rmsprop: centered is not implemented"),
            "rmsprop" when Optional("weight_decay") != 0 => Error.New("rmsprop: coupled (L2) weight decay is not implemented"),
            "rmsprop" => Optimizer.RmsProp(Number("lr"), Number("alpha"), Number("eps")),
            _ => Error.New($"optimizer kind '{kind}' is not implemented"),
        };
    }
}
