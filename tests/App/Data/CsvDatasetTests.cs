using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Functional.NN.Experiments.Data;
using Functional.NN.Experiments.Data.Csv;
using Xunit;

namespace Functional.NN.Tests.App.Data;

/// <summary>CSV data sets: RFC 4180 basics, label mapping, and errors that name file, line and column.</summary>
public sealed class CsvDatasetTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private static readonly CsvSchema Iris = new(["sepal", "petal"], "species", CsvTask.Classification);

    /// <inheritdoc />
    public void Dispose() => _directory.Dispose();

    private string Write(string text, string name = "data.csv")
    {
        var path = _directory.File(name);
        File.WriteAllText(path, text, new UTF8Encoding(false));
        return path;
    }

    private LoadedDataset Load(string text, CsvSchema schema) => FinAssert.Succeeds(CsvDataset.Load(Write(text), schema));

    [Fact]
    public void Classification_maps_sorted_labels_to_one_hot_rows()
    {
        var data = Load("id,sepal,petal,species\n1,5.1,1.4,setosa\n2,7.0,4.7,versicolor\n3,6.3,6.0,virginica\n4,4.9,1.5,setosa\n", Iris);
        Assert.Equal("data", data.Name);
        Assert.Equal([[5.1, 1.4], [7.0, 4.7], [6.3, 6.0], [4.9, 1.5]], data.Features.ToTensor().ToRows());
        Assert.Equal(3, data.Classes);
        Assert.Equal(["setosa", "versicolor", "virginica"], data.ClassLabels.ToArray());
        Assert.Equal([[1.0, 0, 0], [0, 1.0, 0], [0, 0, 1.0], [1.0, 0, 0]], data.Targets.ToRows());
    }

    [Fact]
    public void Numeric_labels_sort_by_value_and_others_ordinally()
    {
        var numeric = Load("x,y\n1,10\n2,2\n3,-1\n4,2\n", new(["x"], "y", CsvTask.Classification));
        Assert.Equal(["-1", "2", "10"], numeric.ClassLabels.ToArray());
        Assert.Equal([2.0, 1.0, 0.0, 1.0], numeric.Targets.ToRows().Select(r => (double)Array.IndexOf(r, 1.0)).ToArray());

        var text = Load("x,y\n1,b\n2,B\n3,a\n", new(["x"], "y", CsvTask.Classification));
        Assert.Equal(["B", "a", "b"], text.ClassLabels.ToArray());
    }

    [Fact]
    public void Regression_reads_the_label_as_a_single_target_column()
    {
        var data = Load("a,b,price\n1,2,3.5\n4,5,-6e2\n", new(["b", "a"], "price", CsvTask.Regression));
        Assert.Equal([[2.0, 1.0], [5.0, 4.0]], data.Features.ToTensor().ToRows());
        Assert.Equal([[3.5], [-600.0]], data.Targets.ToRows());
        Assert.Equal(0, data.Classes);
        Assert.Empty(data.ClassLabels);
    }

    [Fact]
    public void Quoted_fields_crlf_bom_and_a_missing_final_newline_are_read()
    {
        var text = "\uFEFF\"sepal\",petal,species,note\r\n\"5.1\",1.4,\"set,osa\",\"said \"\"hi\"\"\"\r\n4.9,\"1.5\",\"two\r\nlines\",x";
        var data = Load(text, Iris);
        Assert.Equal([[5.1, 1.4], [4.9, 1.5]], data.Features.ToTensor().ToRows());
        Assert.Equal(["set,osa", "two\r\nlines"], data.ClassLabels.ToArray());
    }

    [Fact]
    public void The_hash_is_of_the_file_bytes()
    {
        var text = "sepal,petal,species\n1,2,a\n";
        var data = Load(text, Iris);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), data.Sha256);
    }

    [Fact]
    public void Lines_after_a_quoted_line_break_are_counted_from_the_file()
    {
        // The record on lines 2-3 holds a line break; the bad value is on line 4.
        var path = Write("sepal,petal,species\n1,2,\"multi\nline\"\n1,oops,b\n");
        FinAssert.FailsWith(CsvDataset.Load(path, Iris), $"{path}, line 4, column 'petal' (2): 'oops' is not a number");
    }

    /// <summary>Malformed files: content, then fragments the error must contain (besides the file name).</summary>
    public static TheoryData<string, string[]> Malformed => new()
    {
        { "sepal,petal,species\n1,2,a\n3,4\n", ["line 3, column 'species' (3): missing; the row has 2 fields, the header has 3"] },
        { "sepal,petal,species\n1,2,a\n3,4,b,extra\n", ["line 3, column 4 (beyond the header's 3 columns): the row has 4 fields, the header has 3"] },
        { "sepal,petal,species\n1,2,a\nx1,4,b\n", ["line 3, column 'sepal' (1): 'x1' is not a number"] },
        { "sepal,petal,species\n1,,a\n", ["line 2, column 'petal' (2): empty value"] },
        { "sepal,petal,species\n1,  ,a\n", ["line 2, column 'petal' (2): empty value"] },
        { "sepal,petal,species\n1,2,a\n1,NaN,b\n", ["line 3, column 'petal' (2): 'NaN' is not a finite number"] },
        { "sepal,petal,species\nInfinity,2,a\n", ["line 2, column 'sepal' (1): 'Infinity' is not a finite number"] },
        { "sepal,petal,species\n-1e400,2,a\n", ["line 2, column 'sepal' (1): '-1e400' is not a finite number"] },
        { "sepal,petal,species\n1,2,a\n1,2,\n", ["line 3, column 'species' (3): empty value, a label is required"] },
        { "sepal,petal,species\n1,2,a\n1,\"2,b\n", ["line 3, column 'petal' (2): a quoted field is never closed"] },
        { "sepal,petal,species\n1,2\"5,a\n", ["line 2, column 'petal' (2): a double quote inside an unquoted field"] },
        { "sepal,petal,species\n1,\"2\"5,a\n", ["line 2, column 'petal' (2): unexpected '5' after the closing double quote"] },
        { "sepal,species\n1,a\n", ["line 1 (header): no column named 'petal' (columns: 'sepal', 'species')"] },
        { "sepal,petal,petal,species\n1,2,3,a\n", ["line 1 (header): column 3: name 'petal' repeats column 2"] },
        { "sepal,,petal,species\n1,2,3,a\n", ["line 1 (header): column 2: empty column name"] },
        { "", ["line 1: the file is empty; a header row naming the columns is required"] },
        { "sepal,petal,species\n", ["line 2: no data rows after the header"] },
        { "sepal,petal,species\n1,2,a\n\n", ["line 3, column 'petal' (2): missing; the row has 1 fields, the header has 3"] },
        { "\"sepal,petal,species\n1,2,a\n", ["line 1, column 1: a quoted field is never closed"] },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void A_malformed_file_is_an_error_naming_file_line_and_column(string text, string[] fragments)
    {
        var path = Write(text);
        FinAssert.FailsWith(CsvDataset.Load(path, Iris), [path, .. fragments]);
    }

    [Fact]
    public void A_regression_label_must_be_a_finite_number()
    {
        var path = Write("a,y\n1,2\n3,high\n");
        FinAssert.FailsWith(CsvDataset.Load(path, new(["a"], "y", CsvTask.Regression)), $"{path}, line 3, column 'y' (2): 'high' is not a number");
    }

    [Fact]
    public void Schema_mistakes_are_reported_together()
    {
        var path = Write("a,b,y\n1,2,3\n");
        FinAssert.FailsWith(CsvDataset.Load(path, new(["a", "a", "y"], "y", CsvTask.Classification)),
            "line 1 (header)", "feature column 'a' chosen 2 times", "label column 'y' is also chosen as a feature");
        FinAssert.FailsWith(CsvDataset.Load(path, new(ImmutableArray<string>.Empty, "y", CsvTask.Classification)), "no feature columns chosen");
    }

    [Fact]
    public void Every_header_problem_is_reported_once_in_order_with_its_column()
    {
        var path = Write("a,,a,y\n1,2,3,4\n");
        Assert.Equal(
            $"{path}, line 1 (header): column 2: empty column name; column 3: name 'a' repeats column 1; feature column 'a' chosen 2 times; " +
            "label column 'y' is also chosen as a feature; no column named 'z' (columns: 'a', '', 'a', 'y')",
            FinAssert.Fails(CsvDataset.Load(path, new(["a", "a", "z", "y"], "y", CsvTask.Classification))));
    }

    [Fact]
    public void Invalid_utf8_is_an_error()
    {
        var path = _directory.File("latin1.csv");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("a,y\n1,caf"), 0xE9, (byte)'\n']);
        FinAssert.FailsWith(CsvDataset.Load(path, new(["a"], "y", CsvTask.Classification)), path, "not valid UTF-8");
    }

    [Fact]
    public void A_missing_file_is_an_error_naming_it()
    {
        var path = _directory.File("absent.csv");
        FinAssert.FailsWith(CsvDataset.Load(path, Iris), path, "no such file");
    }
}
