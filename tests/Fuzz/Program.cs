using Functional.NN.Activations;
using Functional.NN.Experiments.Data.Csv;
using Functional.NN.Experiments.Data.Idx;
using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Experiments.Models;
using Functional.NN.Experiments.Storage;
using Functional.NN.Losses;
using Functional.NN.Model;
using SharpFuzz;

namespace Functional.NN.Fuzz;

/// <summary>
/// One loader under afl++ (through SharpFuzz): <c>Functional.NN.Fuzz LOADER</c> reads each input afl gives it and
/// runs it through that loader. A loader may return an error value or a value; any exception is a crash that afl
/// keeps. LOADER: model, checkpoint, experiment, csv, idx, plain-json.
/// </summary>
internal static class Program
{
    private static readonly Network CheckpointNetwork =
        Network.Create(3, Loss.SoftmaxCrossEntropy, (4, Activation.Tanh), (2, Activation.Softmax)).ThrowIfFail();

    private static readonly CsvSchema Schema = new(["sepal", "petal"], "species", CsvTask.Classification);

    private static int Main(string[] args)
    {
        Action<byte[]>? load = args.FirstOrDefault() switch
        {
            "model" => bytes => ModelFile.Decode("m.fnn", bytes),
            "checkpoint" => bytes => CheckpointFile.Decode<double>("c.ckpt", bytes, CheckpointNetwork),
            "experiment" => bytes => ExperimentParser.Parse(bytes, "e.json", "/tmp", "e"),
            "csv" => bytes => CsvDataset.Parse("d.csv", bytes, Schema),
            "idx" => bytes => IdxContent.FromBytes("i.idx", bytes).Bind(c => IdxFormat.Parse(c, IdxFormat.ImagesMagic, "images")),
            "plain-json" => bytes => ModelSources.ParsePlainJson("m.json", bytes, null),
            _ => null,
        };
        if (load is null)
        {
            Console.Error.WriteLine("usage: Functional.NN.Fuzz model|checkpoint|experiment|csv|idx|plain-json   (run under afl-fuzz, see docs/fuzzing.md)");
            return 2;
        }
        Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            load(buffer.ToArray());
        });
        return 0;
    }
}
