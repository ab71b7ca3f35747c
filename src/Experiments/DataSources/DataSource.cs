using Functional.NN.Experiments.Data;
using LanguageExt;

namespace Functional.NN.Experiments.DataSources;

/// <summary>
/// A description of where examples come from, without the examples themselves: a value that can be
/// parsed from a command line, stored in an experiment record, compared, and loaded later with
/// <see cref="Load"/>. Four kinds, one record each:
/// <list type="table">
/// <item><term><see cref="GeneratedSource"/></term><description>a generator name, count, noise and seed (<see cref="Data.Generated.GeneratedDatasets"/>);</description></item>
/// <item><term><see cref="CsvSource"/></term><description>a CSV file, its feature columns, its label column and the task (<see cref="Data.Csv.CsvDataset"/>);</description></item>
/// <item><term><see cref="IdxSource"/></term><description>a pair of IDX files, images and labels (<see cref="Data.Idx.IdxDataset"/>);</description></item>
/// <item><term><see cref="FashionMnistSource"/></term><description>a directory holding Fashion-MNIST and a split (<see cref="Data.Idx.FashionMnist"/>).</description></item>
/// </list>
/// <para>
/// Every source has one canonical text, <see cref="Spec"/> (also its <see cref="ToString"/>), in the
/// syntax of the <c>--data</c> option: <c>KIND:MAIN[,key=value]...</c>, for example
/// <c>generated:two_moons,count=200,noise=0.1,seed=42</c>. <see cref="DataSourceSpec.Parse"/> reads that
/// text back into an equal source, so the text can be stored wherever a string fits (an experiment file, a
/// report, a JSON document); an experiment file may equally map its own JSON object onto these records.
/// </para>
/// </summary>
internal abstract record DataSource
{
    private protected DataSource() { }

    /// <summary>The kind, the part of <see cref="Spec"/> before the first colon: <c>generated</c>, <c>csv</c>, <c>idx</c> or <c>fashion_mnist</c>.</summary>
    public abstract string Kind { get; }

    /// <summary>The canonical <c>--data</c> text of this source; <see cref="DataSourceSpec.Parse"/> gives back an equal source.</summary>
    public abstract string Spec { get; }

    /// <summary>Reads or generates the examples, or returns an error naming the file or the generator and the problem.</summary>
    public abstract Fin<LoadedDataset> Load();

    /// <summary>The canonical text, <see cref="Spec"/>.</summary>
    public sealed override string ToString() => Spec;
}
