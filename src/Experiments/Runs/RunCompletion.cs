using System.Numerics;
using System.Diagnostics;
using Functional.NN.Experiments.ExperimentFiles;
using Functional.NN.Experiments.Runs.Progress;
using Functional.NN.Experiments.Storage;
using LanguageExt;

namespace Functional.NN.Experiments.Runs;

/// <summary>
/// The end of a run whose epochs are all trained: <c>model.fnn</c> (with the input standardizer when the
/// experiment standardizes), <c>loss.png</c> (a failure to draw it is
/// a warning), the test split's evaluation of the final and best models, the manifest with status
/// <c>complete</c>, and last, atomically, the <c>COMPLETE</c> marker.
/// </summary>
internal static class RunCompletion
{
    /// <summary>Writes the final outputs of a run that trained every epoch.</summary>
    public static Fin<RunResult> Finish<T>(PreparedExperiment prepared, RunDirectory directory, RunManifest manifest, Checkpoint<T> final, Stopwatch clock,
        IRunObserver? observer = null) where T : unmanaged, IFloatingPointIeee754<T>
    {
        observer?.Status(prepared.Data.Test is { } examples
            ? $"writing model.fnn and loss.png, evaluating the final and best models on the {examples.Count} test examples ..."
            : "writing model.fnn and loss.png ...");
        var name = prepared.Experiment.Name;
        var parameters = final.Progress.Parameters;
        var warnings = new List<string>();
        // Drawn on another thread while the test split is evaluated: neither reads what the other writes.
        var plot = Task.Run(() => LossPlot.Write(directory.PlotFile, $"{name} (seed {prepared.Experiment.Seed})", prepared.Network, final.Metrics));
        var evaluated = Evaluate(prepared, directory, manifest, final, parameters);
        plot.GetAwaiter().GetResult().IfFail(e => warnings.Add(e.Message));
        return from complete in evaluated
               from _ in complete.Save(directory.ManifestFile)
               from __ in AtomicFile.WriteAllBytes(directory.CompleteMarker, System.Text.Encoding.ASCII.GetBytes(complete.ParametersHashEnd + "\n"))
               select new RunResult(directory, RunEnd.Completed, complete, clock.Elapsed, warnings);
    }

    /// <summary>Writes <c>model.fnn</c>, evaluates the final and best models on the test split, and gives the complete manifest (not yet saved).</summary>
    private static Fin<RunManifest> Evaluate<T>(PreparedExperiment prepared, RunDirectory directory, RunManifest manifest, Checkpoint<T> final,
        Functional.NN.Model.Parameters<T> parameters) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var name = prepared.Experiment.Name;
        return from _ in ModelFile.Save(directory.ModelFile, prepared.Network, parameters, name, prepared.Data.InputStandardizer)
               from saved in ModelFile.Load(directory.BestModelFile)
               from best in saved.As<T>()
               let last = final.Metrics[^1]
               let test = prepared.Data.Test is { } data ? Test(prepared, data, parameters, best.Parameters) : null
               let complete = manifest with
               {
                   Status = RunManifest.Complete,
                   ParametersHashEnd = parameters.ContentHash(),
                   Steps = final.Progress.Step,
                   EpochsCompleted = final.Metrics.Length,
                   FinishedUtc = RunSession.Now(),
                   Final = new MetricsRecord(last.Epoch, last.TrainLoss, last.ValLoss, last.ValAccuracy),
                   Best = final.Best is { } b ? new BestRecord(b.Epoch, b.Loss, best.Parameters.ContentHash()) : null,
                   Test = test,
                   Error = null,
               }
               select complete;
    }

    private static TestRecord Test<T>(PreparedExperiment prepared, Functional.NN.Data.Dataset data,
        Functional.NN.Model.Parameters<T> final, Functional.NN.Model.Parameters<T> best) where T : unmanaged, IFloatingPointIeee754<T>
    {
        var classification = prepared.Data.Classes > 0;
        var f = Evaluation.Of(prepared.Network, final, data, classification);
        var b = Evaluation.Of(prepared.Network, best, data, classification);
        return new TestRecord(data.Count, f.Loss, f.Accuracy, b.Loss, b.Accuracy);
    }
}
