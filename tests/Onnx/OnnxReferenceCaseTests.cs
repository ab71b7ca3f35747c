using Functional.NN.Onnx;
using Functional.NN.Passes;
using Functional.NN.Tests.Goldens;
using Xunit;
using Xunit.Abstractions;

namespace Functional.NN.Tests.Onnx;

/// <summary>
/// Every reference case of ../shared/goldens, exported and run by ONNX Runtime in float64 and float32,
/// against our forward pass and against PyTorch's recorded output. This covers every activation and
/// loss-output combination the reference cases use.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class OnnxReferenceCaseTests(ITestOutputHelper output)
{
    public static TheoryData<string, OnnxElementType> CasesAndTypes()
    {
        var data = new TheoryData<string, OnnxElementType>();
        foreach (var c in ReferenceCases.All())
            foreach (var type in new[] { OnnxElementType.Double, OnnxElementType.Float })
                data.Add(c.Name, type);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(CasesAndTypes))]
    public void Onnx_runtime_reproduces_the_reference_case(string name, OnnxElementType type)
    {
        var reference = ReferenceCases.Named(name);
        var (network, parameters, batch) = ReferenceModel.Build(reference).ThrowIfFail();
        Skip.If(network.Layers.Any(l => OnnxRuntimeLimits.CannotRun(l.Activation, type)), OnnxRuntimeLimits.NoDoubleGelu);
        var model = OnnxExport.ToBytes(network, parameters, new OnnxExportOptions(type)).ThrowIfFail();
        var onnx = OnnxRuntimeModel.Run(model, batch.Inputs, type);
        var ours = ForwardPass.Predict(network, parameters, batch.Inputs);
        var tolerance = OnnxAgreement.ToleranceFor(type);
        var againstOurs = OnnxAgreement.ScaledError(ours, onnx);
        var againstTorch = OnnxAgreement.ScaledError(ReferenceModel.ToTensor(reference.Output), onnx);
        output.WriteLine($"{name} [{string.Join(",", reference.Activations)} {reference.Loss}] {type}: " +
                         $"vs ours {againstOurs:E2}, vs torch {againstTorch:E2}");
        Assert.True(againstOurs <= tolerance, $"{name} {type}: ONNX Runtime vs ForwardPass.Predict {againstOurs:E3} > {tolerance:E0}");
        Assert.True(againstTorch <= Math.Max(tolerance, 1e-9), $"{name} {type}: ONNX Runtime vs PyTorch {againstTorch:E3}");
    }
}
