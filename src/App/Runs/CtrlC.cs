using System.Runtime.InteropServices;

namespace Functional.NN.App.Runs;

/// <summary>
/// While alive, Ctrl+C (SIGINT), SIGTERM (what <c>kill</c>, <c>timeout</c>, systemd and container runtimes
/// send) and SIGHUP (a closed terminal) ask a run to stop after its current step instead of killing the
/// process, so the run directory stays consistent and resumable (docs/run-states.md); a second signal
/// of the same kind kills as usual.
/// </summary>
internal sealed class CtrlC : IDisposable
{
    private volatile bool _requested;
    private readonly List<PosixSignalRegistration> _registrations = [];

    /// <summary>Starts listening for Ctrl+C, SIGTERM and SIGHUP.</summary>
    public CtrlC()
    {
        Console.CancelKeyPress += OnCancel;
        foreach (var signal in new[] { PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            try
            {
                _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // Windows has no SIGHUP; Ctrl+C still works.
            }
        }
    }

    /// <summary>True once a stop was asked for.</summary>
    public bool Requested => _requested;

    /// <inheritdoc />
    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        foreach (var registration in _registrations) registration.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (_requested) return;
        _requested = true;
        e.Cancel = true;
    }

    private void OnSignal(PosixSignalContext context)
    {
        if (_requested) return;
        _requested = true;
        context.Cancel = true;
    }
}
