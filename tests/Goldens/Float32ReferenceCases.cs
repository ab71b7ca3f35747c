namespace Functional.NN.Tests.Goldens;

/// <summary>
/// The float32 reference cases of tests/Goldens/Float32/reference-cases-float32.json (written by
/// scripts/goldens_float32.py, copied beside the test binaries): the shared float64 cases with their parameters,
/// inputs and targets rounded to float32, recomputed by PyTorch in float32. Same layout as the float64 files.
/// </summary>
public static class Float32ReferenceCases
{
    private static readonly Lazy<IReadOnlyList<ReferenceCase>> Cases = new(() => ReferenceCases.Load(FilePath).ToList());

    /// <summary>The file beside the test binaries (Tests.csproj copies it there).</summary>
    public static string FilePath => Path.Combine(AppContext.BaseDirectory, "Goldens", "Float32", "reference-cases-float32.json");

    /// <summary>Every case of the file.</summary>
    public static IReadOnlyList<ReferenceCase> All() => Cases.Value;

    /// <summary>Test data for xunit theories: one row per case name.</summary>
    public static IEnumerable<object[]> Names() => All().Select(c => new object[] { c.Name });

    /// <summary>The case called <paramref name="name"/>.</summary>
    public static ReferenceCase Named(string name) => All().Single(c => c.Name == name);
}
