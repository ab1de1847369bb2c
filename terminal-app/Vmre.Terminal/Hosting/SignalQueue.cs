using System.Collections.Concurrent;
using Vmre.Common.Logging;

namespace Vmre.Terminal.Hosting;

/// <summary>
/// The booth's steps that GPIO signals ask for (confirm button, paper sensors, cover switch), run
/// in arrival order on one thread of their own, so the GPIO driver's thread never waits behind
/// the booth's lock. A press handled on the driver's thread held it for the whole testigo print;
/// the button's release edge then reached the debouncer in one burst with the voter's next press,
/// and the next press was lost (found when the remote GPIO driver made the simulator's confirm
/// button travel over a socket: rules.md R9, a voter's press is never dropped). Each step is
/// guarded as every device callback is (<see cref="DeviceCallbacks"/>).
/// </summary>
public sealed class SignalQueue : IDisposable
{
    private readonly BlockingCollection<(string Source, Action Step)> _steps = new();
    private readonly EventLog _log;
    private readonly Thread _thread;

    public SignalQueue(EventLog log)
    {
        _log = log;
        _thread = new Thread(Drain) { IsBackground = true, Name = "booth-signals" };
        _thread.Start();
    }

    /// <summary>A handler for a device event that queues the booth's step instead of running it on the device's thread.</summary>
    public Action<T> Queued<T>(string source, Action<T> step) => value =>
    {
        try { _steps.Add((source, () => step(value))); }
        // The terminal is stopping (adding completed, or the queue already disposed while the GPIO
        // chip still reports an edge): no more steps are taken, and nothing escapes onto the
        // driver's thread, which would end the process (DeviceCallbacks).
        catch (Exception e) when (e is InvalidOperationException or ObjectDisposedException) { }
    };

    private void Drain()
    {
        foreach (var (source, step) in _steps.GetConsumingEnumerable()) DeviceCallbacks.Run(source, _log, step);
    }

    public void Dispose()
    {
        _steps.CompleteAdding();
        // A step under way (a print) finishes or fails on its own time-out; the host is stopping.
        _thread.Join(TimeSpan.FromSeconds(30));
        _steps.Dispose();
    }
}
