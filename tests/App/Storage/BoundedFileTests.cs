using System.Diagnostics;
using System.Text;
using Functional.NN.Experiments.Data.Csv;
using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Experiments.Storage;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>
/// Every file the shell reads goes through <see cref="BoundedFile"/>: what is not a regular file is refused before it
/// is opened (a named pipe would block, /dev/zero never ends), and a file is never read beyond its limit.
/// </summary>
public sealed class BoundedFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Devices_directories_and_missing_files_are_refused_by_kind()
    {
        FinAssert.FailsWith(ModelFile.Load("/dev/zero"), "/dev/zero: cannot read the model file: it is a character device, not a regular file");
        FinAssert.FailsWith(ExperimentParser.Load("/dev/null"), "/dev/null: cannot read the experiment file: it is a character device");
        FinAssert.FailsWith(ModelFile.Load(_directory.Path), "cannot read the model file: it is a directory, not a file");
        FinAssert.FailsWith(CsvDataset.Load(_directory.File("absent.csv"), new CsvSchema(["a"], "y", CsvTask.Classification)), "no such file");
        Assert.Equal(FileKind.Regular, FileKinds.Of(typeof(BoundedFileTests).Assembly.Location));
    }

    [SkippableFact]
    public void A_named_pipe_is_refused_without_waiting_for_a_writer()
    {
        Skip.IfNot(OperatingSystem.IsLinux(), "mkfifo is a Linux test");
        var pipe = _directory.File("model.fnn");
        using (var mkfifo = Process.Start("mkfifo", pipe)) mkfifo.WaitForExit();
        var clock = Stopwatch.StartNew();
        FinAssert.FailsWith(ModelFile.Load(pipe), "it is a named pipe, not a regular file");
        Assert.True(clock.ElapsedMilliseconds < 2_000);
    }

    [Fact]
    public void A_file_beyond_its_limit_is_refused_before_it_is_read()
    {
        var big = _directory.File("big.json");
        using (var stream = File.Create(big)) stream.SetLength(ExperimentParser.MaxFileBytes + 1);
        FinAssert.FailsWith(ExperimentParser.Load(big), "big.json: the experiment file is 16777217 bytes; the largest this build reads is 16 MiB");
    }

    [Fact]
    public void A_model_header_that_does_not_fit_the_file_size_is_refused_before_the_body_is_read()
    {
        var model = FinAssert.Succeeds(ModelFile.Encode(ModelFixtures.Classifier, ModelFixtures.ClassifierParameters, "e"));
        var path = _directory.File("long.fnn");
        using (var stream = File.Create(path))
        {
            stream.Write(model.AsSpan(0, 64));
            stream.SetLength(1L << 31); // sparse: 2 GiB that are never read
        }
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        FinAssert.FailsWith(ModelFile.Load(path), "unexpected bytes after the payload", "the file has 2147483648");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 1 << 20);
    }

    [Fact]
    public void A_csv_line_beyond_the_cap_is_refused_after_reading_about_the_cap()
    {
        var path = _directory.File("line.csv");
        File.WriteAllText(path, "a,y\n" + new string('1', CsvFile.MaxLineBytes + 10) + ",0\n");
        FinAssert.FailsWith(CsvDataset.Load(path, new CsvSchema(["a"], "y", CsvTask.Classification)),
            "line.csv, line 2: longer than 1048576 bytes");
    }

    [Fact]
    public void Echoed_text_is_clipped_with_its_length_and_control_characters_shown()
    {
        Assert.Equal("ab… (5 characters)", Echo.Clip("abcde", 2));
        Assert.Equal("0.1\\u0000", Echo.Clip("0.1\0"));
        var huge = Encoding.ASCII.GetBytes("{\"name\": \"" + new string('n', 1_000_000) + "\"}");
        var message = FinAssert.FailsWith(ExperimentParser.Parse(huge, "e.json", "/tmp", "e"), "name: must be 1 to 100 letters");
        Assert.True(message.Length < 1_100, $"{message.Length} characters");
        Assert.Contains("characters)", message); // the ellipsis and the length of what was cut
    }

    [Fact]
    public void A_memory_estimate_beyond_the_memory_available_is_refused_with_both_numbers()
    {
        FinAssert.FailsWith(MemoryBudget.Check(1e18, "training something huge"),
            "training something huge needs about 1.0e+18 bytes, more than the", "of memory available");
        Assert.True(MemoryBudget.Check(1024, "a little").IsSucc);
    }
}
