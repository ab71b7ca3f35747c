using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Functional.NN.Experiments.Evaluation;

/// <summary>
/// <c>fnn evaluate --json</c>: one JSON object with snake_case names; numbers in shortest round-trip form,
/// so they parse back to the exact doubles (a loss that is not finite is
/// written as the string <c>"NaN"</c>, <c>"Infinity"</c> or <c>"-Infinity"</c>, which JSON numbers cannot hold). <c>accuracy</c>, <c>classes</c> and <c>confusion</c> are null for
/// regression data; <c>confusion[actual][predicted]</c> counts examples. <c>inputs_standardized</c> is true when
/// the model carries an input standardizer and the features were standardized with it before the forward pass.
/// </summary>
/// <example>
/// <code>
/// { "model": "xor.fnn", "network": "2-8-1 tanh,sigmoid bce", "experiment": "xor",
///   "data": "generated:xor,count=4,noise=0,seed=0", "data_name": "xor", "data_sha256": "…", "inputs_standardized": false,
///   "examples": 4, "loss_name": "bce", "loss": 0.0123, "accuracy": 1, "correct": 4,
///   "classes": ["0", "1"], "confusion": [[2, 0], [0, 2]] }
/// </code>
/// </example>
internal static class EvaluationJson
{
    /// <summary>The JSON text of <paramref name="evaluation"/> of the model in <paramref name="input"/>.</summary>
    public static string Write(ModelAndData input, ModelEvaluation evaluation)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("model", input.ModelPath);
            json.WriteString("network", evaluation.Network.ToString());
            json.WriteString("experiment", input.Model.Experiment);
            json.WriteString("data", input.Source.Spec);
            json.WriteString("data_name", input.Data.Source.Name);
            json.WriteString("data_sha256", input.Data.Source.Sha256);
            json.WriteBoolean("inputs_standardized", input.InputsStandardized);
            json.WriteNumber("examples", evaluation.Examples);
            json.WriteString("loss_name", evaluation.Network.Loss.Name);
            if (double.IsFinite(evaluation.Loss)) json.WriteNumber("loss", evaluation.Loss);
            else json.WriteString("loss", evaluation.Loss.ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (evaluation is { Accuracy: { } accuracy, Confusion: { } confusion })
            {
                json.WriteNumber("accuracy", accuracy);
                json.WriteNumber("correct", confusion.Correct);
                json.WriteStartArray("classes");
                foreach (var name in evaluation.ClassNames) json.WriteStringValue(name);
                json.WriteEndArray();
                json.WriteStartArray("confusion");
                for (var actual = 0; actual < confusion.Classes; actual++)
                {
                    json.WriteStartArray();
                    for (var predicted = 0; predicted < confusion.Classes; predicted++) json.WriteNumberValue(confusion[actual, predicted]);
                    json.WriteEndArray();
                }
                json.WriteEndArray();
            }
            else
            {
                foreach (var name in new[] { "accuracy", "correct", "classes", "confusion" }) json.WriteNull(name);
            }
            json.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
