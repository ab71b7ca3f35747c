using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Functional.NN.Experiments.Data.Csv;
using Functional.NN.Experiments.Data.Idx;
using Functional.NN.Experiments.DataSources;
using LanguageExt;
using Xunit;

namespace Functional.NN.Tests.App.Evaluation;

/// <summary>The <c>--data</c> syntax: each kind, defaults, canonical text round trips, and errors that name the problem.</summary>
public sealed class DataSourceSpecTests
{
    [Fact]
    public void Generated_takes_defaults_for_what_is_not_given()
    {
        Assert.Equal(new GeneratedSource("xor", 200, 0.0, 0), FinAssert.Succeeds(DataSourceSpec.Parse("generated:xor")));
        Assert.Equal(new GeneratedSource("two_moons", 50, 0.25, 7),
            FinAssert.Succeeds(DataSourceSpec.Parse("generated:two_moons,seed=7,noise=0.25,count=50")));
    }

    [Fact]
    public void Csv_idx_and_fashion_mnist_read_their_settings()
    {
        Assert.Equal(new CsvSource("data/iris.csv", ["sepal_length", "petal_width"], "species", CsvTask.Classification),
            FinAssert.Succeeds(DataSourceSpec.Parse("csv:data/iris.csv,label=species,features=sepal_length+petal_width")));
        Assert.Equal(new CsvSource("C:\\x.csv", ["a"], "y", CsvTask.Regression),
            FinAssert.Succeeds(DataSourceSpec.Parse("csv:C:\\x.csv,features=a,label=y,task=regression")));
        Assert.Equal(new IdxSource("img.gz", "lab.gz", 10), FinAssert.Succeeds(DataSourceSpec.Parse("idx:img.gz,labels=lab.gz")));
        Assert.Equal(new IdxSource("img", "lab", 3), FinAssert.Succeeds(DataSourceSpec.Parse("idx:img,labels=lab,classes=3")));
        Assert.Equal(new FashionMnistSource(false, FashionMnist.DefaultDirectory), FinAssert.Succeeds(DataSourceSpec.Parse("fashion_mnist:test")));
        Assert.Equal(new FashionMnistSource(true, "/data/fm"), FinAssert.Succeeds(DataSourceSpec.Parse("fashion_mnist:train,dir=/data/fm")));
    }

    [Theory]
    [InlineData("two_moons", "expected KIND:..., with KIND one of generated, csv, idx, fashion_mnist")]
    [InlineData("parquet:x.parquet", "unknown kind 'parquet'; known: generated, csv, idx, fashion_mnist")]
    [InlineData("generated:", "nothing after 'generated:'")]
    [InlineData("generated:moons", "unknown generator 'moons'; known: circles, two_moons, two_spirals, xor")]
    [InlineData("generated:xor,count=0", "count must be a whole number of at least 1, got '0'")]
    [InlineData("generated:xor,noise=-1", "noise must be a finite number of at least 0, got '-1'")]
    [InlineData("generated:xor,noise=NaN", "noise must be a finite number of at least 0, got 'NaN'")]
    [InlineData("generated:xor,seed=-1", "seed must be a whole number")]
    [InlineData("generated:xor,count=5,count=6", "setting 'count' is given twice")]
    [InlineData("generated:xor,cuont=5", "unknown setting 'cuont' for generated; did you mean 'count'? known: count, noise, seed")]
    [InlineData("generated:xor,5", "setting '5' is not of the form key=value")]
    [InlineData("csv:a.csv,features=x", "label=... is required (the column holding the labels)")]
    [InlineData("csv:a.csv,label=y", "features=... is required")]
    [InlineData("csv:a.csv,label=y,features=x++z", "features 'x++z': empty column name")]
    [InlineData("csv:a.csv,label=y,features=x,task=ranking", "task must be classification or regression, got 'ranking'")]
    [InlineData("idx:img", "labels=... is required")]
    [InlineData("fashion_mnist:validation", "the Fashion-MNIST split must be train or test, got 'validation'")]
    public void Malformed_text_is_an_error_quoting_it_and_naming_the_problem(string text, string problem)
    {
        FinAssert.FailsWith(DataSourceSpec.Parse(text), $"data source '{text}': ", problem);
    }

    [Fact]
    public void The_canonical_text_of_each_kind_reads_back_equal()
    {
        DataSource[] sources =
        [
            new GeneratedSource("circles", 17, 0.1 + 0.2, ulong.MaxValue),
            new CsvSource("some dir/file.csv", ["a b", "c"], "label", CsvTask.Regression),
            new IdxSource("/x/images", "/x/labels", 256),
            new FashionMnistSource(true, "/tmp/fm"),
        ];
        foreach (var source in sources)
            Assert.Equal(source, FinAssert.Succeeds(DataSourceSpec.Parse(source.Spec)));
        Assert.Equal("generated:circles,count=17,noise=0.30000000000000004,seed=18446744073709551615", sources[0].ToString());
    }

    [Property(MaxTest = 200)]
    public Property Generated_sources_round_trip_through_their_text(PositiveInt count, NormalFloat noise, ulong seed, byte which)
    {
        var names = new[] { "circles", "two_moons", "two_spirals", "xor" };
        var source = new GeneratedSource(names[which % 4], count.Get, Math.Abs(noise.Get), seed);
        return (DataSourceSpec.Parse(source.Spec) == Fin<DataSource>.Succ(source)).Label(source.Spec);
    }

    [Fact]
    public void Loading_a_generated_source_gives_the_generator_output_and_missing_files_are_named()
    {
        var data = FinAssert.Succeeds(new GeneratedSource("xor", 4).Load());
        Assert.Equal(4, data.Count);
        Assert.Equal(2, data.Classes);
        FinAssert.FailsWith(new CsvSource("/no/such/file.csv", ImmutableArray.Create("a"), "b", CsvTask.Classification).Load(), "/no/such/file.csv");
        FinAssert.FailsWith(new FashionMnistSource(false, "/no/such/dir").Load(), "/no/such/dir");
    }
}
