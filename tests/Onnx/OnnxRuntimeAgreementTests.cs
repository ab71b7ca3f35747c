using FsCheck;
using FsCheck.Fluent;
using Functional.NN.Activations;
using Functional.NN.Onnx;
using Functional.NN.Passes;
using Xunit;
using Xunit.Abstractions;

namespace Functional.NN.Tests.Onnx;

/// <summary>
/// Exported models run by ONNX Runtime give our <see cref="ForwardPass.Predict"/> outputs, for every
/// activation the exporter supports, in float64 and float32, on generated networks and batches.
/// </summary>
public sealed class OnnxRuntimeAgreementTests(ITestOutputHelper output)
{
    /// <summary>Every built-in activation, plus leaky ReLU and ELU with non-default parameters.</summary>
    public static TheoryData<string, OnnxElementType> ActivationsAndTypes()
    {
        var data = new TheoryData<string, OnnxElementType>();
        foreach (var name in Activations.Keys)
            foreach (var type in new[] { OnnxElementType.Double, OnnxElementType.Float })
                data.Add(name, type);
        return data;
    }

    private static readonly Dictionary<string, Activation> Activations =
        new(ActivationCatalog.BuiltIn.ToDictionary(a => a.Name))
        {
            ["leaky_relu(0.2)"] = Activation.LeakyReluWithSlope(0.2),
            ["elu(0.5)"] = Activation.EluWithAlpha(0.5),
        };

    [SkippableTheory]
    [MemberData(nameof(ActivationsAndTypes))]
    public void Onnx_runtime_reproduces_the_forward_pass(string activation, OnnxElementType type)
    {
        Skip.If(OnnxRuntimeLimits.CannotRun(Activations[activation], type), OnnxRuntimeLimits.NoDoubleGelu);
        var tolerance = OnnxAgreement.ToleranceFor(type);
        var worst = 0.0;
        var property = Prop.ForAll(OnnxNetworks.With(Activations[activation]), c =>
        {
            var model = OnnxExport.ToBytes(c.Network, c.Parameters, new OnnxExportOptions(type)).ThrowIfFail();
            var ours = ForwardPass.Predict(c.Network, c.Parameters, c.Inputs);
            var error = OnnxAgreement.ScaledError(ours, OnnxRuntimeModel.Run(model, c.Inputs, type));
            worst = Math.Max(worst, error);
            return (error <= tolerance).Label($"{type} error {error:E3} > {tolerance:E0}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(40), property);
        output.WriteLine($"{activation} {type}: largest scaled error over 40 generated networks {worst:E2} (tolerance {tolerance:E0})");
    }

    /// <summary>A float32 model (float parameters) exported with the default options is a float32 ONNX model that runs as our float32 pass.</summary>
    [SkippableTheory]
    [InlineData("tanh")]
    [InlineData("gelu")]
    [InlineData("softmax")]
    public void A_float32_model_exported_by_default_runs_as_the_float32_forward_pass(string activation)
    {
        var tolerance = OnnxAgreement.ToleranceFor(OnnxElementType.Float);
        var worst = 0.0;
        var property = Prop.ForAll(OnnxNetworks.With(Activations[activation]), c =>
        {
            var floats = c.Parameters.Convert<float>();
            var model = OnnxExport.ToBytes(c.Network, floats).ThrowIfFail();
            var ours = ForwardPass.Predict(c.Network, floats, c.Inputs.Convert<float>()).Convert<double>();
            var error = OnnxAgreement.ScaledError(ours, OnnxRuntimeModel.Run(model, c.Inputs, OnnxElementType.Float));
            worst = Math.Max(worst, error);
            return (error <= tolerance).Label($"float32 error {error:E3} > {tolerance:E0}");
        });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(20), property);
        output.WriteLine($"{activation} float32 parameters: largest scaled error over 20 generated networks {worst:E2} (tolerance {tolerance:E0})");
    }
}
