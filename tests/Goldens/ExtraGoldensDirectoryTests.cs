using System.Text.Json.Nodes;
using Xunit;

namespace Functional.NN.Tests.Goldens;

/// <summary>
/// FNN_GOLDENS names a directory of more reference files: its cases are loaded next to the shared ones,
/// become rows of <see cref="ReferenceCaseTests"/>, and are checked like them.
/// </summary>
[Collection(EnvironmentCollection.Name)]
public sealed class ExtraGoldensDirectoryTests
{
    private const string Variable = "FNN_GOLDENS";
    private const string Tutorial = "mazur_2_2_2_sigmoid_half_sse_b1";

    [Fact]
    public void Cases_in_the_extra_directory_are_loaded_listed_and_checked()
    {
        IReadOnlyList<ReferenceCase> shared = [];
        WithVariable(null, () => shared = ReferenceCases.All()); // the caller may have set FNN_GOLDENS already
        WithExtraDirectory(directory =>
        {
            WriteCases(directory, "extra.json", CopyOf(Tutorial, "extra_copy"), CopyOf(Tutorial, "extra_corrupted", lossFactor: 1.001));

            var all = ReferenceCases.All();
            Assert.Equal(shared.Count + 2, all.Count);
            var copy = Assert.Single(all, c => c.Name == "extra_copy");
            Assert.Equal(Path.Combine(directory, "extra.json"), copy.Source);
            Assert.Contains(ReferenceCaseTests.Cases, row => (string)row[0] == "extra_copy");

            var check = new ReferenceCaseTests();
            check.Forward_loss_and_gradients_match_pytorch("extra_copy");
            var failure = Assert.ThrowsAny<Exception>(() => check.Forward_loss_and_gradients_match_pytorch("extra_corrupted"));
            Assert.Contains("extra_corrupted", failure.Message);
            Assert.Contains("loss", failure.Message);
        });
    }

    [Fact]
    public void A_missing_extra_directory_is_an_error_not_an_empty_pass()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"fnn-goldens-missing-{Guid.NewGuid():N}");
        WithVariable(missing, () => Assert.Throws<DirectoryNotFoundException>(() => ReferenceCases.All()));
    }

    /// <summary>The named shared case as JSON, renamed, its recorded loss optionally scaled.</summary>
    private static JsonNode CopyOf(string name, string newName, double lossFactor = 1.0)
    {
        var source = ReferenceCases.Named(name).Source;
        var root = JsonNode.Parse(File.ReadAllText(source))!;
        var original = root["cases"]!.AsArray().Single(c => (string?)c!["name"] == name)!;
        var copy = original.DeepClone();
        copy["name"] = newName;
        copy["loss_value"] = (double)copy["loss_value"]! * lossFactor;
        return copy;
    }

    private static void WriteCases(string directory, string file, params JsonNode[] cases)
    {
        var root = new JsonObject { ["format_version"] = 1, ["cases"] = new JsonArray(cases) };
        File.WriteAllText(Path.Combine(directory, file), root.ToJsonString());
    }

    private static void WithExtraDirectory(Action<string> test)
    {
        var directory = Directory.CreateTempSubdirectory("fnn-goldens-").FullName;
        try { WithVariable(directory, () => test(directory)); }
        finally { Directory.Delete(directory, recursive: true); }
    }

    private static void WithVariable(string? value, Action test)
    {
        var saved = Environment.GetEnvironmentVariable(Variable);
        Environment.SetEnvironmentVariable(Variable, value);
        try { test(); }
        finally { Environment.SetEnvironmentVariable(Variable, saved); }
    }
}
