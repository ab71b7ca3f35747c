using System.Text;
using Functional.NN.Activations;
using Functional.NN.Data;
using Functional.NN.Experiments.Data.Csv;
using Functional.NN.Experiments.Data.Idx;
using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Experiments.Storage;
using Functional.NN.Interchange;
using Functional.NN.Losses;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Functional.NN.Tests.App.Data;
using Functional.NN.Tests.App.Storage;
using LanguageExt;
using Xunit;
using Xunit.Abstractions;
using Outcome = Functional.NN.Tests.App.Fuzz.FuzzReport.Outcome;

namespace Functional.NN.Tests.App.Fuzz;

/// <summary>
/// Mutation fuzzing of every loader the shell has (issue 12): model files, checkpoints, experiment files, CSV,
/// IDX (plain and gzip) and plain JSON models, each with thousands of truncations, bit flips, splices, deletions
/// and oversized fields from a fixed seed. Checksummed formats (models, checkpoints) must give an error or the
/// exact original (re-encoded to the same bytes); text and IDX files may also read as another valid value,
/// which is counted. No case may throw, take more than 2 s or allocate more than 256 MB.
/// </summary>
public sealed class LoaderFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 1500;

    private static readonly Network CheckpointNetwork =
        Network.Create(3, Loss.SoftmaxCrossEntropy, (4, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();

    private static readonly Standardizer Statistics =
        Standardizer.Create(Tensor.RowVector([0.5, -1.25]), Tensor.RowVector([2.0, 0.75])).ThrowIfFail();

    [Fact]
    public void Model_files()
    {
        var original = ModelFile.Encode(ModelFixtures.Classifier, ModelFixtures.ClassifierParameters, "fuzz", Statistics).ThrowIfFail();
        var donor = ModelFile.Encode(ModelFixtures.Classifier, ModelFixtures.ClassifierParameters, "other").ThrowIfFail();
        FuzzReport.Run(output, "model", original, Cases, bytes =>
            ModelFile.Decode("m.fnn", bytes).Bind(m => m.As<double>()).Map(m =>
                ModelFile.Encode(m.Network, m.Parameters, m.Metadata.Experiment, m.Standardizer).ThrowIfFail().AsSpan().SequenceEqual(original)
                    ? Outcome.Original
                    : Outcome.Variant),
            variantsAllowed: false, donor);
    }

    [Fact]
    public void Checkpoints()
    {
        var original = CheckpointFile.Encode(CheckpointFileTests.After("clipped_adam", 5)).ThrowIfFail();
        var donor = CheckpointFile.Encode(CheckpointFileTests.After("sgd", 2)).ThrowIfFail();
        FuzzReport.Run(output, "checkpoint", original, Cases, bytes =>
            CheckpointFile.Decode<double>("c.ckpt", bytes, CheckpointNetwork).Map(c =>
                CheckpointFile.Encode(c).ThrowIfFail().AsSpan().SequenceEqual(original) ? Outcome.Original : Outcome.Variant),
            variantsAllowed: false, donor);
    }

    [Fact]
    public void Experiment_files()
    {
        var original = File.ReadAllBytes(Path.Combine(Experiments.ExampleExperimentTests.ExamplesFolder, "two-moons.json"));
        var donor = File.ReadAllBytes(Path.Combine(Experiments.ExampleExperimentTests.ExamplesFolder, "sine-regression.json"));
        var parsed = ExperimentParser.Parse(original, "e.json", "/tmp", "e").ThrowIfFail();
        FuzzReport.Run(output, "experiment", original, Cases, bytes =>
            ExperimentParser.Parse(bytes, "e.json", "/tmp", "e").Map(e => e.Equals(parsed) ? Outcome.Original : Outcome.Variant),
            variantsAllowed: true, donor);
    }

    [Fact]
    public void Csv_files()
    {
        var schema = new CsvSchema(["sepal", "petal"], "species", CsvTask.Classification);
        var original = Encoding.UTF8.GetBytes("id,sepal,petal,species\n1,5.1,1.4,setosa\n2,7.0,4.7,versicolor\n3,\"6.3\",6.0,virginica\n" +
                                              "4,4.9,1.5,setosa\n5,-0.0,1e-3,\"a, b\"\r\n");
        var expected = CsvDataset.Parse("d.csv", original, schema).ThrowIfFail();
        FuzzReport.Run(output, "csv", original, Cases, bytes =>
            CsvDataset.Parse("d.csv", bytes, schema).Map(d =>
                d.Sha256 == expected.Sha256 && d.Features.ToTensor().Equals(expected.Features.ToTensor()) ? Outcome.Original : Outcome.Variant),
            variantsAllowed: true);
    }

    [Fact]
    public void Idx_files_plain_and_gzip()
    {
        var plain = IdxTestFiles.Images(6, 4, 3, (i, p) => (byte)(i * 31 + p * 7));
        var expected = IdxFormat.Parse(IdxContent.FromBytes("i", plain).ThrowIfFail(), IdxFormat.ImagesMagic, "images").ThrowIfFail();
        Fin<Outcome> Load(byte[] bytes) =>
            from content in IdxContent.FromBytes("i.idx", bytes)
            from array in IdxFormat.Parse(content, IdxFormat.ImagesMagic, "images")
            select array.Dimensions.SequenceEqual(expected.Dimensions) && array.Elements.Span.SequenceEqual(expected.Elements.Span)
                ? Outcome.Original
                : Outcome.Variant;
        FuzzReport.Run(output, "idx", plain, Cases, Load, variantsAllowed: true);
        FuzzReport.Run(output, "idx.gz", IdxTestFiles.Gzip(plain), Cases, Load, variantsAllowed: true);
    }

    [Fact]
    public void Plain_json_models()
    {
        var original = Encoding.UTF8.GetBytes("""
            {"layer_sizes": [2, 2, 2], "activations": ["sigmoid", "sigmoid"], "loss": "half_sse",
             "params": [{"W": [[0.15, 0.2], [0.25, 0.3]], "b": [0.35, 0.35]}, {"W": [[0.4, 0.45], [0.5, 0.55]], "b": [0.6, 0.6]}]}
            """);
        var expected = PlainJsonModel.Parse(Encoding.UTF8.GetString(original)).ThrowIfFail();
        FuzzReport.Run(output, "plain-json", original, Cases, bytes =>
            Functional.NN.Experiments.Models.ModelSources.ParsePlainJson("m.json", bytes, null).Map(m =>
                m is Functional.NN.Experiments.TrainedModel<double> d && m.Network.Equals(expected.Network) && d.Parameters.Equals(expected.Parameters) ? Outcome.Original : Outcome.Variant),
            variantsAllowed: true);
    }
}
