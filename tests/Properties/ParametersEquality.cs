using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Model;
using Functional.NN.Tensors;
using Xunit;

namespace Functional.NN.Tests.Properties;

/// <summary>
/// Parameters are values: equal numbers give equal parameters with equal hashes, and changing any one
/// number by the smallest possible step (one unit in the last place) changes both.
/// </summary>
[Properties(Arbitrary = [typeof(Arbitraries)], MaxTest = 100)]
public sealed class ParametersEquality
{
    [Property]
    public Property Equal_numbers_give_equal_parameters_and_hashes(Case c)
    {
        var copy = Rebuild(c.Network, Scalars.Of(c.Parameters));
        return (copy.Equals(c.Parameters) && copy.GetHashCode() == c.Parameters.GetHashCode()
                && copy.ContentHash() == c.Parameters.ContentHash())
            .Label("a copy with the same numbers is not equal, or hashes differently");
    }

    [Property]
    public Property One_changed_number_changes_equality_and_content_hash(Case c, NonNegativeInt which)
    {
        var numbers = Scalars.Of(c.Parameters);
        var at = which.Get % numbers.Length;
        numbers[at] = Math.BitIncrement(numbers[at]);
        var changed = Rebuild(c.Network, numbers);
        return (!changed.Equals(c.Parameters) && changed.ContentHash() != c.Parameters.ContentHash())
            .Label($"scalar {at} moved by one ulp, yet the parameters compare or hash equal");
    }

    [Property]
    public Property Content_hash_is_stable_across_calls(Case c) =>
        (c.Parameters.ContentHash() == c.Parameters.ContentHash()).Label("two calls gave different hashes");

    /// <summary>
    /// The hash is SHA-256 over, per layer, W's and b's shapes (int32, little-endian) and numbers (IEEE-754
    /// little-endian), so it is the same on every machine. Expected value computed independently with
    /// Python's struct and hashlib.
    /// </summary>
    [Fact]
    public void Content_hash_of_the_tutorial_parameters_is_pinned() =>
        Assert.Equal("9c747fd52f55f2a6c377582e92eb045df2e1e26600ed3e567f3aa5fc5993eb3c", TutorialExample.Parameters.ContentHash());

    /// <summary>0 and -0 are the same number: Equals says so, and so must the hash.</summary>
    [Fact]
    public void Zero_and_negative_zero_give_equal_parameters_and_hashes()
    {
        var numbers = Scalars.Of(TutorialExample.Parameters);
        numbers[0] = 0.0;
        var positive = Rebuild(TutorialExample.Network, numbers);
        numbers[0] = -0.0;
        var negative = Rebuild(TutorialExample.Network, numbers);
        Assert.Equal(positive, negative);
        Assert.Equal(positive.GetHashCode(), negative.GetHashCode());
        Assert.Equal(positive.ContentHash(), negative.ContentHash());
    }

    /// <summary>Parameters for <paramref name="network"/> from numbers in the order of <see cref="Scalars.Of{T}"/>.</summary>
    private static Parameters Rebuild(Network network, double[] numbers)
    {
        var offset = 0;
        var layers = new List<LayerTensors>();
        for (var l = 0; l < network.Layers.Length; l++)
        {
            var (units, inputs) = (network.Layers[l].Units, network.InputsOf(l));
            var weights = Tensor.FromRowMajor(units, inputs, numbers.AsSpan(offset, units * inputs)).ThrowIfFail();
            var bias = Tensor.RowVector(numbers.AsSpan(offset + units * inputs, units));
            layers.Add(new LayerTensors(weights, bias));
            offset += units * inputs + units;
        }
        return Parameters.Create(network, layers).ThrowIfFail();
    }
}
