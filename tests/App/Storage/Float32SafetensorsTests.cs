using System.Runtime.InteropServices;
using Functional.NN.Experiments;
using Functional.NN.Experiments.Storage;
using Functional.NN.Model;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>A float32 model's safetensors are <c>F32</c> tensors of its own bits, and read back as a float32 model.</summary>
public sealed class Float32SafetensorsTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    private static readonly Network Network = ModelFixtures.Classifier;

    [Fact]
    public void A_float32_model_writes_F32_tensors_holding_its_bits()
    {
        var model = FinAssert.Succeeds(TrainedModel.Create(Network, Float32ModelFileTests.Floats, "f32"));
        var path = _directory.File("f32.safetensors");
        FinAssert.Succeeds(model.SaveSafetensors(path));
        var contents = FinAssert.Succeeds(SafetensorsReader.Read(path));
        Assert.All(contents.Tensors, t => Assert.Equal("F32", t.DType));
        var weights = contents.Tensors.Single(t => t.Name == "layers.0.weight");
        Assert.Equal(MemoryMarshal.AsBytes(Float32ModelFileTests.Floats[0].Weights.Span).ToArray(), weights.Bytes.ToArray());
    }

    [Fact]
    public void F32_tensors_load_as_a_float32_model_bit_for_bit()
    {
        var path = _directory.File("f32.safetensors");
        FinAssert.Succeeds(FinAssert.Succeeds(TrainedModel.Create(Network, Float32ModelFileTests.Floats, "f32")).SaveSafetensors(path));
        var loaded = Assert.IsType<TrainedModel<float>>(FinAssert.Succeeds(TrainedModel.LoadSafetensors(path, Network)));
        Assert.Equal(ElementType.Float32, loaded.ElementType);
        Assert.Equal(Float32ModelFileTests.Floats.ContentHash(), loaded.Parameters.ContentHash());
        Assert.Equal("f32", loaded.Experiment);
    }

    [Fact]
    public void A_float64_model_still_writes_F64_tensors()
    {
        var model = FinAssert.Succeeds(TrainedModel.Create(Network, ModelFixtures.ClassifierParameters, "f64"));
        var path = _directory.File("f64.safetensors");
        FinAssert.Succeeds(model.SaveSafetensors(path));
        Assert.All(FinAssert.Succeeds(SafetensorsReader.Read(path)).Tensors, t => Assert.Equal("F64", t.DType));
        Assert.IsType<TrainedModel<double>>(FinAssert.Succeeds(TrainedModel.LoadSafetensors(path, Network)));
    }

    [Fact]
    public void Mixed_F32_and_F64_tensors_are_an_error_naming_the_odd_ones()
    {
        var p = Float32ModelFileTests.Floats;
        var q = ModelFixtures.ClassifierParameters;
        var file = SafetensorsWriter.Encode([
            SafetensorsTensor.Of("layers.0.weight", [3, 2], p[0].Weights.Span), SafetensorsTensor.Of("layers.0.bias", [3], p[0].Bias.Span),
            SafetensorsTensor.Of("layers.1.weight", [2, 3], q[1].Weights.Span), SafetensorsTensor.Of("layers.1.bias", [2], p[1].Bias.Span),
        ], new Dictionary<string, string>());
        var path = _directory.File("mixed.safetensors");
        File.WriteAllBytes(path, file);
        FinAssert.FailsWith(TrainedModel.LoadSafetensors(path, Network), "layers.1.weight is F64, expected F32");
    }
}
