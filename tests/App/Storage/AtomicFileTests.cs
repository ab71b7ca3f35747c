using System.Text;
using Functional.NN.Experiments.Storage;
using Xunit;

namespace Functional.NN.Tests.App.Storage;

/// <summary>Atomic replacement of files: all of the new content or none of it.</summary>
public sealed class AtomicFileTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    [Fact]
    public void Writes_a_new_file_and_replaces_an_existing_one()
    {
        var path = _directory.File("out.bin");
        FinAssert.Succeeds(AtomicFile.WriteAllBytes(path, [1, 2, 3]));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(path));
        FinAssert.Succeeds(AtomicFile.WriteAllBytes(path, [4, 5]));
        Assert.Equal([4, 5], File.ReadAllBytes(path));
        Assert.Equal(["out.bin"], _directory.FileNames());
    }

    [Fact]
    public void An_interrupted_write_leaves_the_previous_file_intact_and_no_temporary()
    {
        var path = _directory.File("model.fnn");
        File.WriteAllText(path, "previous content");
        var result = AtomicFile.Write(path, stream =>
        {
            stream.Write(Encoding.ASCII.GetBytes("half of the new cont"));
            throw new IOException("disk unplugged");
        });
        FinAssert.FailsWith(result, path, "writing failed, the previous file (if any) is unchanged", "disk unplugged");
        Assert.Equal("previous content", File.ReadAllText(path));
        Assert.Equal(["model.fnn"], _directory.FileNames());
    }

    [Fact]
    public void An_interrupted_first_write_leaves_no_file()
    {
        var path = _directory.File("new.fnn");
        FinAssert.Fails(AtomicFile.Write(path, _ => throw new InvalidOperationException("bug in the writer")));
        Assert.Empty(_directory.FileNames());
    }

    [Fact]
    public void A_missing_directory_is_an_error()
    {
        var path = Path.Combine(_directory.Path, "no-such-dir", "x.bin");
        FinAssert.FailsWith(AtomicFile.WriteAllBytes(path, [1]), path, "does not exist");
    }

    [Fact]
    public void A_directory_in_the_way_is_an_error_not_an_exception()
    {
        var path = _directory.File("occupied");
        Directory.CreateDirectory(path);
        FinAssert.FailsWith(AtomicFile.WriteAllBytes(path, [1]), path, "cannot write: a directory of that name is in the way");
        Assert.True(Directory.Exists(path));
        Assert.Empty(_directory.FileNames());
    }

    [Fact]
    public void Flushing_the_directory_works_on_linux()
    {
        Assert.Equal(OperatingSystem.IsLinux(), DirectorySync.TryFlush(_directory.Path));
        Assert.False(DirectorySync.TryFlush(Path.Combine(_directory.Path, "absent")));
    }
}
