using System.Collections.Immutable;

namespace Functional.NN.Experiments.Data.Csv;

/// <summary>One record of a CSV file: its fields, unquoted, and the 1-based line on which it starts.</summary>
/// <param name="Line">Line of the file where the record starts (the header is line 1).</param>
/// <param name="Fields">The fields in order, with quotes removed and doubled quotes undone.</param>
internal sealed record CsvRecord(int Line, ImmutableArray<string> Fields);

/// <summary>A place in a CSV file that breaks RFC 4180, found while splitting it into records.</summary>
/// <param name="Line">1-based line where the offending record starts.</param>
/// <param name="FieldIndex">0-based index of the offending field within its record.</param>
/// <param name="Problem">What is wrong, in words.</param>
internal sealed record CsvSyntaxError(int Line, int FieldIndex, string Problem);

/// <summary>The records read before the first syntax error (all of them when there is none), and that error.</summary>
/// <param name="Records">Complete records in file order.</param>
/// <param name="Error">The first syntax error, or null when the whole text was read.</param>
internal sealed record CsvReadResult(ImmutableArray<CsvRecord> Records, CsvSyntaxError? Error);
