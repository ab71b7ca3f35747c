using Functional.NN.Optimizers;

namespace Functional.NN.Tests.Optimizers;

/// <summary>
/// The built-in optimizers written out element by element in plain float code, as documented for float parameters:
/// each step's scalars (−η(k), 1−β1^t, √(1−β2^t), β's, ε, λ, the clipping norm) computed in double and rounded to
/// float once, every operation on an element a float operation in the order of the library's rules. A float step of
/// the library must give these bits exactly. The state is one array per tensor and moment.
/// </summary>
public sealed class FloatReference
{
    private readonly string _kind;
    private readonly Func<int, double> _rate;
    private readonly double _b1, _b2, _eps, _momentum, _alpha, _decay;
    private readonly double? _clip;
    private readonly bool _nesterov;
    private float[][]? _m, _v;
    private int _count;

    private FloatReference(string kind, Func<int, double> rate, double b1 = 0.9, double b2 = 0.999, double eps = 1e-8,
        double momentum = 0, bool nesterov = false, double alpha = 0.99, double decay = 0, double? clip = null)
    {
        (_kind, _rate, _b1, _b2, _eps, _momentum, _nesterov, _alpha, _decay, _clip) = (kind, rate, b1, b2, eps, momentum, nesterov, alpha, decay, clip);
    }

    /// <summary>The reference of one of <see cref="OptimizerCase.All"/>, by its name.</summary>
    public static FloatReference For(string name) => name switch
    {
        "sgd" => new("sgd", _ => 0.1),
        "sgd_momentum" => new("momentum", _ => 0.1, momentum: 0.9),
        "sgd_nesterov" => new("momentum", _ => 0.1, momentum: 0.9, nesterov: true),
        "adam" => new("adam", _ => 0.01),
        "adamw" => new("adam", _ => 0.01, decay: 0.01),
        "rmsprop" => new("rmsprop", _ => 0.01),
        "sgd_step_decay" => new("sgd", Schedule.StepDecay(0.1, 2, 0.5).At),
        "adam_warmup_cosine" => new("adam", Schedule.WarmupCosineDecay(0.0, 0.01, 2, 10).At),
        "clipped_adam" => new("adam", _ => 0.01, clip: 1.0),
        _ => throw new ArgumentException($"no float reference for {name}"),
    };

    /// <summary>One step: <paramref name="p"/> (one array per tensor) updated in place with the gradients <paramref name="g"/>.</summary>
    public void Step(float[][] p, float[][] g)
    {
        _m ??= [.. p.Select(t => new float[t.Length])];
        _v ??= [.. p.Select(t => new float[t.Length])];
        var k = _count++;
        var t = _count;
        var minusRate = (float)-_rate(k);
        var sumOfSquares = 0.0;
        for (var x = 0; x < g.Length; x += 2) sumOfSquares += SumOfSquares(g[x]) + SumOfSquares(g[x + 1]);
        var clipNorm = Math.Sqrt(sumOfSquares);
        var clipped = _clip is { } c && clipNorm > c;
        var (norm, maxNorm) = ((float)clipNorm, (float)(_clip ?? 0));
        var (b1, oneMinusB1, b2, oneMinusB2, eps) = ((float)_b1, (float)(1 - _b1), (float)_b2, (float)(1 - _b2), (float)_eps);
        var (bc1, bc2Sqrt) = ((float)(1 - Math.Pow(_b1, t)), (float)Math.Sqrt(1 - Math.Pow(_b2, t)));
        var (mu, alpha, oneMinusAlpha, decay) = ((float)_momentum, (float)_alpha, (float)(1 - _alpha), (float)_decay);
        for (var x = 0; x < p.Length; x++)
            for (var i = 0; i < p[x].Length; i++)
            {
                var gi = clipped ? g[x][i] / norm * maxNorm : g[x][i];
                float u;
                switch (_kind)
                {
                    case "sgd":
                        u = gi;
                        break;
                    case "momentum":
                        var b = k == 0 ? gi : _m[x][i] * mu + gi;
                        _m[x][i] = b;
                        u = _nesterov ? gi + mu * b : b;
                        break;
                    case "adam":
                        var m = _m[x][i] * b1 + oneMinusB1 * gi;
                        var v = _v[x][i] * b2 + oneMinusB2 * gi * gi;
                        (_m[x][i], _v[x][i]) = (m, v);
                        u = m / (MathF.Sqrt(v) / bc2Sqrt + eps) / bc1;
                        if (_decay != 0) u += decay * p[x][i];
                        break;
                    default:
                        var s = _v[x][i] * alpha + oneMinusAlpha * gi * gi;
                        _v[x][i] = s;
                        u = gi / (MathF.Sqrt(s) + eps);
                        break;
                }
                p[x][i] += minusRate * u;
            }
    }

    /// <summary>Σ x² in double, in element order.</summary>
    private static double SumOfSquares(float[] values)
    {
        var sum = 0.0;
        foreach (var x in values) sum += (double)x * x;
        return sum;
    }
}
