using System.Globalization;
using System.Text;
using Functional.NN.Experiments.Storage;
using Functional.NN.Data;
using Functional.NN.Passes;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Evaluation;

/// <summary>
/// <c>fnn predict</c>'s output: a UTF-8 CSV file with the header of <see cref="PredictionColumns"/> and one
/// line per example: its row index, the network's outputs (<c>ForwardPass.Predict</c>) in round-trip form
/// (<c>"R"</c>, invariant culture, so each parses back to the exact double), and for classification data the
/// label of the predicted class (<c>PredictedClasses.Of</c>). Written atomically (<see cref="AtomicFile"/>);
/// an existing file is replaced only when asked to.
/// </summary>
internal static class PredictionsFile
{
    /// <summary>
    /// The predictions of the model in <paramref name="input"/> on its data, written to <paramref name="path"/>;
    /// returns the number of rows written. Fails without touching the file when it exists and
    /// <paramref name="overwrite"/> is false.
    /// </summary>
    public static Fin<int> Write(string path, ModelAndData input, bool overwrite)
    {
        if (!overwrite && (File.Exists(path) || Directory.Exists(path)))
            return Error.New($"{path} already exists; pass --force to replace it");
        var text = Text(input);
        return AtomicFile.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text)).Map(_ => input.Data.Examples.Count);
    }

    /// <summary>The complete CSV text, as <see cref="Write"/> writes it.</summary>
    public static string Text(ModelAndData input)
    {
        var network = input.Model.Network;
        var data = input.Data;
        var outputs = input.Model.Outputs(data.Examples.Features);
        var single = input.Model.ElementType == ElementType.Float32;
        var classes = data.IsClassification ? PredictedClasses.Of(network, outputs) : null;
        var names = data.ClassNames(network.OutputSize);
        var text = new StringBuilder();
        text.Append(CsvField.Line(PredictionColumns.Header(network, data))).Append('\n');
        for (var row = 0; row < outputs.Rows; row++)
        {
            text.Append(row.ToString(CultureInfo.InvariantCulture));
            foreach (var value in outputs.Row(row))
                text.Append(',').Append(single ? ((float)value).ToString("R", CultureInfo.InvariantCulture) : value.ToString("R", CultureInfo.InvariantCulture));
            if (classes is not null) text.Append(',').Append(CsvField.Quote(names[classes[row]]));
            text.Append('\n');
        }
        return text.ToString();
    }
}
