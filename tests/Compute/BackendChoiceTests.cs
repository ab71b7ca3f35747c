using Functional.NN.Compute;
using Xunit;

namespace Functional.NN.Tests.Compute;

/// <summary>How FNN_BACKEND and FNN_THREADS are read.</summary>
public sealed class BackendChoiceTests
{
    [Fact]
    public void Managed_can_be_forced_with_a_thread_count()
    {
        var choice = BackendChoice.FromSettings("managed", "3");
        Assert.Equal("managed", choice.Backend!.Name);
        Assert.Equal(3, choice.Backend.Threads);
    }

    [Fact]
    public void Auto_and_unset_mean_the_managed_backend_even_when_OpenBlas_is_installed()
    {
        Assert.Equal("managed", BackendChoice.FromSettings(null, null).Backend!.Name);
        Assert.Equal("managed", BackendChoice.FromSettings("auto", "2").Backend!.Name);
    }

    [Fact]
    public void Without_a_thread_count_every_processor_is_used() =>
        Assert.Equal(Environment.ProcessorCount, BackendChoice.FromSettings("managed", null).Backend!.Threads);

    [Theory]
    [InlineData("cuda", null, "FNN_BACKEND='cuda' is not one of auto, openblas, managed")]
    [InlineData("managed", "0", "FNN_THREADS='0' is not a positive whole number")]
    [InlineData("auto", "two", "FNN_THREADS='two' is not a positive whole number")]
    public void A_bad_setting_is_an_error_that_names_it(string backend, string? threads, string message)
    {
        var choice = BackendChoice.FromSettings(backend, threads);
        Assert.Null(choice.Backend);
        Assert.Contains(message, choice.Error);
    }

    [Fact]
    public void Forcing_OpenBlas_without_the_library_is_a_clear_error_not_a_fallback()
    {
        static bool Missing(out OpenBlasLibrary library, out string error)
        {
            library = null!;
            error = "the OpenBLAS library libopenblas.so.0 could not be loaded";
            return false;
        }
        var choice = BackendChoice.FromSettings("openblas", "1", Missing);
        Assert.Null(choice.Backend);
        Assert.Contains("FNN_BACKEND=openblas, but the OpenBLAS library libopenblas.so.0 could not be loaded", choice.Error);
        Assert.Contains("apt-get install libopenblas0-pthread", choice.Error);
        Assert.Equal("managed", BackendChoice.FromSettings("auto", "1", Missing).Backend!.Name);
    }

    [SkippableFact]
    public void Forcing_OpenBlas_uses_it_when_it_is_installed()
    {
        Skip.If(Backends.OpenBlas is null, "OpenBLAS is not installed");
        Assert.Equal("openblas", BackendChoice.FromSettings("OpenBLAS", null).Backend!.Name);
    }

    [Fact]
    public void The_process_backend_follows_FNN_BACKEND()
    {
        var wanted = Environment.GetEnvironmentVariable(ComputeBackend.BackendVariable);
        var current = ComputeBackend.Current;
        Assert.Contains(current.Name, new[] { "managed", "openblas" });
        Assert.Equal(wanted is "openblas" ? "openblas" : "managed", current.Name);
        Assert.False(string.IsNullOrWhiteSpace(current.Description));
    }
}
