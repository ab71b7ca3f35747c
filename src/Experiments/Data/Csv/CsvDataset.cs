using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Functional.NN.Tensors;
using Functional.NN.Experiments.Storage;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Data.Csv;

/// <summary>
/// Loads a data set from a UTF-8 CSV file whose first row names the columns. The chosen feature columns
/// must hold finite numbers on every row; the label column holds class labels (mapped to indices by
/// <see cref="ClassLabelOrder"/> and recorded in <see cref="LoadedDataset.ClassLabels"/>) or, for
/// regression, a finite number. Other columns may hold anything but must be present on every row.
/// Every problem is an error naming the file, the 1-based line (the header is line 1) and the column;
/// nothing is skipped or defaulted.
/// </summary>
internal static class CsvDataset
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The data set in the CSV file at <paramref name="path"/>.</summary>
    public static Fin<LoadedDataset> Load(string path, CsvSchema schema) =>
        from bytes in CsvFile.Read(path)
        from dataset in Parse(path, bytes, schema)
        select dataset;

    /// <summary>The data set in <paramref name="bytes"/>, the contents of the file named <paramref name="file"/> in messages.</summary>
    public static Fin<LoadedDataset> Parse(string file, byte[] bytes, CsvSchema schema) =>
        Echo.Bounded(ParseUnbounded(file, bytes, schema));

    private static Fin<LoadedDataset> ParseUnbounded(string file, byte[] bytes, CsvSchema schema)
    {
        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            return Error.New($"{file}: not valid UTF-8 text ({e.Message})");
        }
        if (text.StartsWith('\uFEFF')) text = text[1..];

        var read = CsvReader.Read(text);
        if (read.Records.IsEmpty)
            return read.Error is { } headerError
                ? Error.New($"{file}, line {headerError.Line}, column {headerError.FieldIndex + 1}: {headerError.Problem}")
                : Error.New($"{file}, line 1: the file is empty; a header row naming the columns is required");

        var header = read.Records[0].Fields;
        return from columns in CsvHeader.Resolve(file, header, schema)
               from table in ReadRows(file, header, columns, schema.Task, read)
               from dataset in Build(file, bytes, schema.Task, table)
               select dataset;
    }

    private sealed record Table(double[] Features, int FeatureCount, ImmutableArray<string> Labels);

    private static Fin<Table> ReadRows(string file, ImmutableArray<string> header, CsvHeader.Indices columns, CsvTask task, CsvReadResult read)
    {
        var rows = read.Records.Length - 1;
        if (rows == 0 && read.Error is null)
            return Error.New($"{file}, line 2: no data rows after the header");
        var featureCount = columns.Features.Length;
        var features = new double[rows * featureCount];
        var labels = ImmutableArray.CreateBuilder<string>(rows);
        for (var r = 0; r < rows; r++)
        {
            var record = read.Records[r + 1];
            string Where(int index) => $"{file}, line {record.Line}, column {CsvHeader.Describe(header, index)}";
            if (record.Fields.Length < header.Length)
                return Error.New($"{Where(record.Fields.Length)}: missing; the row has {record.Fields.Length} fields, the header has {header.Length}");
            if (record.Fields.Length > header.Length)
                return Error.New($"{Where(header.Length)}: the row has {record.Fields.Length} fields, the header has {header.Length}");
            for (var f = 0; f < featureCount; f++)
            {
                var field = record.Fields[columns.Features[f]];
                if (CsvNumber.Problem(field) is { } problem) return Error.New($"{Where(columns.Features[f])}: {problem}");
                features[r * featureCount + f] = CsvNumber.TryRead(field)!.Value;
            }
            var label = record.Fields[columns.Label];
            if (string.IsNullOrWhiteSpace(label)) return Error.New($"{Where(columns.Label)}: empty value, a label is required");
            if (task == CsvTask.Regression && CsvNumber.Problem(label) is { } labelProblem)
                return Error.New($"{Where(columns.Label)}: {labelProblem}");
            labels.Add(label);
        }
        if (read.Error is { } syntax)
            return Error.New($"{file}, line {syntax.Line}, column {CsvHeader.Describe(header, syntax.FieldIndex)}: {syntax.Problem}");
        return new Table(features, featureCount, labels.MoveToImmutable());
    }

    private static Fin<LoadedDataset> Build(string file, byte[] bytes, CsvTask task, Table table) =>
        task == CsvTask.Regression ? Regression(file, bytes, table) : Classification(file, bytes, table);

    private static Fin<LoadedDataset> Classification(string file, byte[] bytes, Table table)
    {
        var classLabels = ClassLabelOrder.Sorted(table.Labels);
        var indexOf = classLabels.Select((label, index) => (label, index)).ToDictionary(p => p.label, p => p.index, StringComparer.Ordinal);
        var targets = ClassTargets.OneHot(table.Labels.Select(l => indexOf[l]).ToArray(), classLabels.Length);
        return new LoadedDataset(Name(file), Features(table), targets, classLabels.Length, Sha256(bytes)) { ClassLabels = classLabels };
    }

    private static Fin<LoadedDataset> Regression(string file, byte[] bytes, Table table)
    {
        var targets = table.Labels.Select(l => CsvNumber.TryRead(l)!.Value).ToArray();
        return from t in Tensor.FromRowMajor(targets.Length, 1, targets)
               select new LoadedDataset(Name(file), Features(table), t, 0, Sha256(bytes));
    }

    private static Tensor Features(Table table) =>
        Tensor.FromRowMajor(table.Labels.Length, table.FeatureCount, table.Features).ThrowIfFail();

    private static string Name(string file) => Path.GetFileNameWithoutExtension(file);

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
