using Functional.NN.Distributed;
using Xunit;

namespace Functional.NN.Tests.Distributed;

/// <summary>Launch detection from the launchers' variables, and the message when no MPI library can be loaded.</summary>
public sealed class MpiLaunchTests
{
    [Theory]
    [InlineData("OMPI_COMM_WORLD_SIZE", "4", "OMPI_COMM_WORLD_RANK", "3", 4, 3)]
    [InlineData("PMI_SIZE", "2", "PMI_RANK", "0", 2, 0)]
    [InlineData("SLURM_NTASKS", "8", "PMIX_RANK", "5", 8, 5)]
    public void A_launchers_variables_give_the_world_size_and_rank(string sizeName, string size, string rankName, string rank, int expectedSize, int expectedRank)
    {
        var variables = new Dictionary<string, string> { [sizeName] = size, [rankName] = rank };
        var launch = MpiLaunch.Detect(name => variables.GetValueOrDefault(name));
        Assert.NotNull(launch);
        Assert.Equal((expectedSize, expectedRank), (launch.Size, launch.Rank));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0")]
    [InlineData("two")]
    public void Without_a_usable_size_there_is_no_launch(string? size) =>
        Assert.Null(MpiLaunch.Detect(name => name == "OMPI_COMM_WORLD_SIZE" ? size : null));

    [Fact]
    public void A_missing_library_is_an_error_naming_the_packages_to_install()
    {
        var error = MpiLibrary.Load("/nonexistent/libmpi.so.40").Match(Succ: _ => "", Fail: e => e.Message);
        Assert.Contains("/nonexistent/libmpi.so.40", error);
        Assert.Contains("apt-get install -y openmpi-bin libopenmpi-dev", error);
        Assert.Contains("FNN_MPI_LIBRARY", error);
    }
}
