using System.Globalization;
using Functional.NN.Experiments.Data.Csv;
using Functional.NN.Experiments.Data.Generated;
using Functional.NN.Data;
using Functional.NN.Initialization;
using Functional.NN.Model;
using Functional.NN.Passes;
using Functional.NN.Randomness;
using Functional.NN.Tensors;
using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.App.Evaluation;

/// <summary><c>fnn predict</c>: exact numbers in the CSV, named columns, and no silent overwrite.</summary>
public sealed class PredictCommandTests : IDisposable
{
    private const string Moons = "generated:two_moons,count=30,noise=0.3,seed=4";
    private readonly TempDirectory _directory = new();

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    private static string[] Lines(string path) => File.ReadAllText(path).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    [Fact]
    public void The_csv_numbers_parse_back_to_ForwardPass_Predict_exactly()
    {
        var network = SavedModels.Softmax;
        var parameters = SavedModels.Trained(network, steps: 5);
        var model = SavedModels.Save(_directory.File("softmax.fnn"), network, parameters);
        var csv = _directory.File("predictions.csv");

        var run = CommandHarness.Run("predict", model, "--data", Moons, "--out", csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        var moons = GeneratedDatasets.Generate("two_moons", 30, 0.3, 4).ThrowIfFail();
        var expected = ForwardPass.Predict(network, parameters, moons.Features.ToTensor());
        var predicted = PredictedClasses.Of(network, expected);
        var lines = Lines(csv);
        Assert.Equal("row,p_0,p_1,predicted_class", lines[0]);
        Assert.Equal(31, lines.Length);
        for (var r = 0; r < 30; r++)
        {
            var fields = lines[r + 1].Split(',');
            Assert.Equal(r.ToString(CultureInfo.InvariantCulture), fields[0]);
            for (var j = 0; j < 2; j++)
                Assert.Equal(BitConverter.DoubleToInt64Bits(expected[r, j]), BitConverter.DoubleToInt64Bits(double.Parse(fields[1 + j], CultureInfo.InvariantCulture)));
            Assert.Equal(predicted[r].ToString(CultureInfo.InvariantCulture), fields[3]);
        }
        Assert.Contains("wrote 30 predictions", run.Output);
    }

    [Fact]
    public void A_binary_classifier_has_one_probability_column_named_after_the_positive_class_from_the_csv_labels()
    {
        var network = SavedModels.Binary;
        var parameters = Initializer.XavierNormal.Initialize(network, RandomKey.FromSeed(3));
        var model = SavedModels.Save(_directory.File("binary.fnn"), network, parameters);
        var data = _directory.File("fruit.csv");
        File.WriteAllText(data, "x,y,kind\n0.5,1,apple\n-1,2,\"pear, ripe\"\n3,-0.25,apple\n");
        var csv = _directory.File("out.csv");

        var run = CommandHarness.Run("predict", model, "--data", $"csv:{data},label=kind,features=x+y", "--out", csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = Lines(csv);
        Assert.Equal("row,\"p_pear, ripe\",predicted_class", lines[0]);
        var reread = CsvDataset.Load(csv, new CsvSchema(["row", "p_pear, ripe"], "predicted_class", CsvTask.Classification)).ThrowIfFail();
        var features = Tensor.FromRows([[0.5, 1.0], [-1.0, 2.0], [3.0, -0.25]]).ThrowIfFail();
        var outputs = ForwardPass.Predict(network, parameters, features);
        for (var r = 0; r < 3; r++)
            Assert.Equal(outputs[r, 0], reread.Features[r, 1]);
        Assert.All(reread.ClassLabels, label => Assert.Contains(label, new[] { "apple", "pear, ripe" }));
    }

    [Fact]
    public void An_existing_file_is_left_alone_without_force_and_replaced_with_it()
    {
        var network = SavedModels.Softmax;
        var model = SavedModels.Save(_directory.File("softmax.fnn"), network, Parameters.Zeros(network));
        var csv = _directory.File("keep.csv");
        File.WriteAllText(csv, "precious\n");

        var refused = CommandHarness.Run("predict", model, "--data", Moons, "--out", csv);

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("already exists; pass --force to replace it", Assert.Single(refused.ErrorLines));
        Assert.Equal("precious\n", File.ReadAllText(csv));

        var forced = CommandHarness.Run("predict", model, "--data", Moons, "--out", csv, "--force");

        Assert.True(forced.ExitCode == 0, forced.ToString());
        Assert.StartsWith("row,p_0,p_1,predicted_class\n0,0.5,0.5,0\n", File.ReadAllText(csv));
        Assert.Equal(["keep.csv", "softmax.fnn"], _directory.FileNames());
    }

    [Fact]
    public void A_regression_model_writes_output_columns_and_no_class()
    {
        var network = SavedModels.Regressor;
        var parameters = Initializer.HeNormal.Initialize(network, RandomKey.FromSeed(8));
        var model = SavedModels.Save(_directory.File("r.fnn"), network, parameters);
        var data = _directory.File("r.csv");
        File.WriteAllText(data, "a,b,c,t\n1,2,3,4\n");
        var csv = _directory.File("p.csv");

        var run = CommandHarness.Run("predict", model, "--data", $"csv:{data},label=t,features=a+b+c,task=regression", "--out", csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = Lines(csv);
        Assert.Equal("row,output_0", lines[0]);
        var expected = ForwardPass.Predict(network, parameters, Tensor.FromRows([[1.0, 2, 3]]).ThrowIfFail())[0, 0];
        Assert.Equal($"0,{expected.ToString("R", CultureInfo.InvariantCulture)}", lines[1]);
    }

    [Fact]
    public void A_mismatched_data_set_writes_nothing_and_names_both_sizes()
    {
        var model = SavedModels.Save(_directory.File("r.fnn"), SavedModels.Regressor, Parameters.Zeros(SavedModels.Regressor));
        var csv = _directory.File("p.csv");

        var run = CommandHarness.Run("predict", model, "--data", Moons, "--out", csv);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("expects 3 input features, the data set 'two_moons' has 2", Assert.Single(run.ErrorLines));
        Assert.False(File.Exists(csv));
    }

    [Fact]
    public void Out_is_required()
    {
        var run = CommandHarness.Run("predict", "m.fnn", "--data", Moons);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--out", Assert.Single(run.ErrorLines));
    }
}
