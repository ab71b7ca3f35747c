using System.Globalization;
using System.Text.Json;
using Xunit;

namespace Functional.NN.Tests.Goldens;

/// <summary>
/// The float32 reference file is what it says: every number of its data is exactly a float32 (parsing the text as a
/// double or as a float gives the same value), it is labelled float32, and its parameters, inputs and targets are
/// those of the shared float64 cases rounded to float32. The hyper-parameters (as given to torch.optim) and the
/// checks (float64 measurements of the float32 error) are not float32 data and are left out.
/// </summary>
public sealed class Float32ReferenceFileTests
{
    private static readonly string[] NotFloat32Data = ["hyper", "checks"];

    [Fact]
    public void Every_number_of_the_data_is_exactly_a_float32()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Float32ReferenceCases.FilePath));
        var numbers = new List<(string Where, string Text)>();
        foreach (var property in file.RootElement.EnumerateObject().Where(p => p.Name != "optimizers"))
            CollectNumbers(property.Value, property.Name, numbers);

        Assert.True(numbers.Count > 5_000, $"only {numbers.Count} numbers found");
        var notSingle = numbers.Where(n => !IsExactlySingle(n.Text)).Take(5).ToList();
        Assert.True(notSingle.Count == 0, "not float32: " + string.Join("; ", notSingle.Select(n => $"{n.Where} = {n.Text}")));
    }

    [Fact]
    public void The_file_and_every_case_are_labelled_float32()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Float32ReferenceCases.FilePath));
        Assert.Equal("float32", file.RootElement.GetProperty("dtype").GetString());
        var cases = file.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.NotEmpty(cases);
        Assert.All(cases, c => Assert.Equal("float32", c.GetProperty("dtype").GetString()));
    }

    [Fact]
    public void Parameters_inputs_and_targets_are_the_shared_cases_rounded_to_float32()
    {
        var shared = ReferenceCases.SharedDirectory();
        Assert.True(shared is not null, "../shared/goldens not found above the test binaries");
        var originals = ReferenceCases.Load(Path.Combine(shared, "reference-cases.json")).ToList();
        var rounded = Float32ReferenceCases.All();
        Assert.Equal(originals.Select(c => c.Name), rounded.Select(c => c.Name));

        foreach (var (original, single) in originals.Zip(rounded))
        {
            Assert.Equal(original.LayerSizes, single.LayerSizes);
            Assert.Equal(original.Activations, single.Activations);
            Assert.Equal(original.Loss, single.Loss);
            Assert.Equal(original.BatchSize, single.BatchSize);
            Assert.Equal(original.Labels, single.Labels);
            for (var l = 0; l < original.Params.Length; l++)
            {
                AssertRounded(original.Params[l].W, single.Params[l].W, $"{single} layer {l + 1} W");
                AssertRounded([original.Params[l].B], [single.Params[l].B], $"{single} layer {l + 1} b");
            }
            AssertRounded(original.Inputs, single.Inputs, $"{single} inputs");
            AssertRounded(original.Targets, single.Targets, $"{single} targets");
        }
    }

    /// <summary>A number's text gives the same value parsed as a double and as a float, so the double is a float32.</summary>
    private static bool IsExactlySingle(string text)
    {
        var asDouble = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        var asSingle = float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return double.IsFinite(asDouble) && (double)asSingle == asDouble && (float)asDouble == asSingle;
    }

    private static void CollectNumbers(JsonElement element, string where, List<(string Where, string Text)> numbers)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                numbers.Add((where, element.GetRawText()));
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray()) CollectNumbers(item, $"{where}[{index++}]", numbers);
                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject().Where(p => !NotFloat32Data.Contains(p.Name)))
                    CollectNumbers(property.Value, $"{where}.{property.Name}", numbers);
                break;
        }
    }

    private static void AssertRounded(double[][] original, double[][] single, string where)
    {
        Assert.Equal(original.Length, single.Length);
        for (var r = 0; r < original.Length; r++)
        {
            Assert.Equal(original[r].Length, single[r].Length);
            for (var c = 0; c < original[r].Length; c++)
                Assert.True((double)(float)original[r][c] == single[r][c],
                    $"{where}[{r},{c}]: {single[r][c]:R} is not float32({original[r][c]:R}) = {(double)(float)original[r][c]:R}");
        }
    }
}
