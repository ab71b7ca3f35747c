namespace Functional.NN.App.Runs;

/// <summary>
/// While alive, Ctrl+C asks a run to stop after its current step instead of killing the process, so the
/// run directory stays consistent; a second Ctrl+C kills as usual.
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private volatile bool _requested;

    /// <summary>Starts listening for Ctrl+C.</summary>
    public CtrlC() => Console.CancelKeyPress += OnCancel;

    /// <summary>True once Ctrl+C was pressed.</summary>
    public bool Requested => _requested;

    /// <inheritdoc />
    public void Dispose() => Console.CancelKeyPress -= OnCancel;

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (_requested) return;
        _requested = true;
        e.Cancel = true;
    }
}
