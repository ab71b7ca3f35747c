using Functional.NN.Experiments.Storage;
using LanguageExt;
using LanguageExt.Common;

namespace Functional.NN.Experiments.Data.Csv;

/// <summary>
/// Reads the bytes of a CSV file with bounds: a regular file only, a size whose parsing fits the memory
/// available (<see cref="BytesPerFileByte"/> bytes of memory per byte of file), and no line longer than
/// <see cref="MaxLineBytes"/>, checked as the file streams in, so a 1 GB line is refused after its first
/// megabyte instead of being read whole.
/// </summary>
internal static class CsvFile
{
    /// <summary>The longest line read: 1 MiB (a row of 10,000 numbers takes about 200 KB).</summary>
    public const int MaxLineBytes = 1024 * 1024;

    /// <summary>
    /// Memory per byte of file while it is parsed: the bytes, the text (UTF-16, twice the bytes), the fields
    /// as strings (about twice again) and the numbers.
    /// </summary>
    public const int BytesPerFileByte = 8;

    /// <summary>The bytes of the CSV file at <paramref name="path"/>, or why they are not read.</summary>
    public static Fin<byte[]> Read(string path) =>
        from stream in BoundedFile.Open(path, "CSV file")
        from bytes in BoundedFile.Use(stream, s => Read(s, path))
        select bytes;

    private static Fin<byte[]> Read(FileStream stream, string path)
    {
        try
        {
            var length = stream.Length;
            var fits = MemoryBudget.Check((double)length * BytesPerFileByte, $"reading the CSV file {path} ({length} bytes)");
            if (fits.IsFail) return fits.Map(_ => Array.Empty<byte>());
            if (length > Array.MaxLength)
                return Error.New($"{path}: the CSV file is {length} bytes, more than the {Array.MaxLength} this build reads");
            using var content = new MemoryStream((int)Math.Min(length, 64 * BoundedFile.MiB));
            var chunk = new byte[64 * 1024];
            var line = 1L;
            var lineLength = 0L;
            int read;
            while ((read = stream.Read(chunk)) > 0)
            {
                for (var i = 0; i < read; i++)
                {
                    if (chunk[i] is (byte)'\n' or (byte)'\r')
                    {
                        if (chunk[i] == '\n') line++;
                        lineLength = 0;
                    }
                    else if (++lineLength > MaxLineBytes)
                        return Error.New($"{path}, line {line}: longer than {MaxLineBytes} bytes (the longest line this build reads); " +
                                         "is this a CSV file with one row per line?");
                }
                if (content.Length + read > Array.MaxLength)
                    return Error.New($"{path}: the CSV file grew beyond {Array.MaxLength} bytes while it was read");
                content.Write(chunk, 0, read);
            }
            return content.ToArray();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return Error.New($"{path}: cannot read the CSV file: {FileProblem.Describe(e)}");
        }
    }
}
