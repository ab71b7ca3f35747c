using System.CommandLine;
using Functional.NN.Experiments.Models;
using Functional.NN.Experiments.Storage;
using Functional.NN.Onnx;
using LanguageExt.Common;
using Fin = LanguageExt.Fin<LanguageExt.Unit>;

namespace Functional.NN.App.Commands;

/// <summary>
/// <c>fnn export-onnx MODEL --out model.onnx</c>: writes a trained model as an ONNX model (Gemm and activation
/// per layer, weights as initializers, opset 20, in the model's own element type unless <c>--float32</c> or <c>--float64</c>
/// asks for another) for ONNX Runtime
/// and other ONNX consumers. MODEL is an <c>fnn</c> model file or a plain JSON model (<c>*.json</c>,
/// the reference-case layout; <c>--case NAME</c> picks one case of a file that holds several). A model trained
/// on standardized inputs is exported with its standardization as the graph's first nodes, so the ONNX model
/// takes raw inputs, and the command says so.
/// </summary>
internal static class ExportOnnxCommand
{
    /// <summary>The <c>export-onnx</c> command.</summary>
    public static Command Create()
    {
        var model = new Argument<string>("MODEL") { Description = "The model: an fnn model file, or a plain JSON model (*.json)." };
        var output = new Option<string>("--out") { Description = "The ONNX file to write.", Required = true };
        var float32 = new Option<bool>("--float32") { Description = "Write float32 tensors whatever the model's dtype (ONNX Runtime runs GELU in float32 only)." };
        var float64 = new Option<bool>("--float64") { Description = "Write float64 tensors whatever the model's dtype (a float32 model's numbers are widened exactly)." };
        var caseName = new Option<string?>("--case") { Description = "For a JSON file of several reference cases: the name of the case to export." };
        var force = new Option<bool>("--force") { Description = "Replace the ONNX file if it exists (otherwise an existing file is an error, as for predict)." };
        var command = new Command("export-onnx", "Export a trained model as an ONNX model (opset 20).") { model, output, float32, float64, caseName, force };
        command.SetAction(parse => Run(parse.InvocationConfiguration.Output,
            parse.GetValue(model)!, parse.GetValue(output)!, parse.GetValue(float32), parse.GetValue(caseName), parse.GetValue(force), parse.GetValue(float64)));
        return command;
    }

    /// <summary>Exports the model at <paramref name="modelPath"/> to <paramref name="outputPath"/>; returns the exit code, throwing on failure.</summary>
    public static int Run(TextWriter console, string modelPath, string outputPath, bool float32, string? caseName, bool force = false, bool float64 = false)
    {
        if (float32 && float64) throw new ArgumentException("export-onnx: give --float32 or --float64, not both");
        OnnxElementType? type = float32 ? OnnxElementType.Float : float64 ? OnnxElementType.Double : null;
        var options = new OnnxExportOptions(type, ProducerVersion: typeof(OnnxExport).Assembly.GetName().Version?.ToString(3) ?? "");
        var written =
            from loaded in ModelSources.Load(modelPath, caseName)
            from bytes in ModelSources.Prefixed(modelPath, loaded.OnnxBytes(options))
            from _ in Write(outputPath, bytes, force)
            select (loaded, bytes.Length);
        var (model, length) = written.ThrowIfFail();
        var written32 = float32 || (!float64 && model.ElementType == Experiments.ElementType.Float32);
        console.WriteLine($"wrote {outputPath}: {model.Network}, {(written32 ? "float32" : "float64")}, " +
                          $"ONNX opset {OnnxExportOptions.OperatorSetVersion} (IR {OnnxExportOptions.IrVersion}), {length} bytes");
        if (model.Standardizer.IsSome)
            console.WriteLine("inputs: the graph standardizes raw inputs with the model's training statistics, (x - input.mean)/input.scale");
        return 0;
    }

    /// <summary>Writes the bytes atomically (<see cref="AtomicFile"/>); an existing file is replaced only with <paramref name="force"/>.</summary>
    private static Fin Write(string path, byte[] bytes, bool force) =>
        !force && (File.Exists(path) || Directory.Exists(path))
            ? Error.New($"{path} exists; pass --force to replace it")
            : AtomicFile.WriteAllBytes(path, bytes);
}
