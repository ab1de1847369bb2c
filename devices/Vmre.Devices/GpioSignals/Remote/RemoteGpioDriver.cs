using System.Device.Gpio;
using System.Net.Sockets;
using System.Text;

namespace Vmre.Devices.GpioSignals.Remote;

/// <summary>
/// A <see cref="GpioDriver"/> whose pins live in another process: every pin operation is one
/// request line to a GPIO daemon on a Unix domain socket, and the daemon's level changes come
/// back on a second, watching connection and raise the registered edge callbacks, as a chip's
/// interrupts would (protocol in GpioSignals/README.md, "Remote GPIO"; the idea of pigpiod's
/// remote GPIO). The terminal takes it with <c>--gpio remote:SOCKET</c>: its code above
/// <c>GpioController</c> is the same on the board and in the simulator (BRIEF §4, one code path).
/// A daemon that is not there, or goes away, is a <see cref="RemoteGpioException"/> naming the
/// socket, never a silent pin.
/// </summary>
public sealed class RemoteGpioDriver : EdgeCallbackGpioDriver
{
    /// <summary>Pin numbers the protocol carries; the daemon refuses any its chip does not have.</summary>
    public const int MaxPins = 64;

    /// <summary>A daemon on the same machine answers in microseconds; one that takes this long is as good as gone.</summary>
    private static readonly TimeSpan AnswerWithin = TimeSpan.FromSeconds(5);

    private readonly DaemonConnection _requests;
    private readonly DaemonConnection _watch;
    private readonly Thread _watching;
    private readonly object _gate = new();
    private readonly Dictionary<int, List<(PinEventTypes Events, PinChangeEventHandler Handler)>> _callbacks = new();
    private volatile string? _gone;

    /// <summary>Connects to the daemon and starts watching its pins; throws <see cref="RemoteGpioException"/> if no daemon answers.</summary>
    public RemoteGpioDriver(string socketPath)
    {
        SocketPath = socketPath;
        _requests = DaemonConnection.Open(socketPath, AnswerWithin);
        try
        {
            // Watch first, so no change after the constructor returns is missed.
            _watch = DaemonConnection.Open(socketPath, answerWithin: null);
            if (_watch.Ask(new GpioRequest.Watch().Line()) != "ok") throw new RemoteGpioException(socketPath, "the daemon refused to watch");
        }
        catch
        {
            _requests.Dispose();
            _watch?.Dispose();
            throw;
        }
        _watching = new Thread(Watch) { IsBackground = true, Name = "remote GPIO " + socketPath };
        _watching.Start();
    }

    public string SocketPath { get; }

    protected override int PinCount => MaxPins;

    protected override void OpenPin(int pinNumber) => ExpectOk(new GpioRequest.Open(pinNumber));

    /// <summary>A daemon already gone has nothing to close: it releases a closed connection's pins itself.</summary>
    protected override void ClosePin(int pinNumber)
    {
        lock (_gate) _callbacks.Remove(pinNumber);
        if (_gone is null) ExpectOk(new GpioRequest.Close(pinNumber));
    }

    protected override void SetPinMode(int pinNumber, PinMode mode) => ExpectOk(new GpioRequest.SetMode(pinNumber, mode));

    protected override PinMode GetPinMode(int pinNumber)
    {
        string answer = Ask(new GpioRequest.GetMode(pinNumber));
        return GpioRequest.ParseMode(answer) ?? throw Unexpected(answer);
    }

    protected override bool IsPinModeSupported(int pinNumber, PinMode mode) =>
        mode is PinMode.Input or PinMode.Output or PinMode.InputPullUp or PinMode.InputPullDown;

    protected override PinValue Read(int pinNumber)
    {
        string answer = Ask(new GpioRequest.Read(pinNumber));
        return GpioRequest.ParseLevelLine(answer) is { } read && read.Pin == pinNumber ? read.Level : throw Unexpected(answer);
    }

    protected override void Write(int pinNumber, PinValue value) => ExpectOk(new GpioRequest.Write(pinNumber, value));


    protected override void AddCallbackForPinValueChangedEvent(int pinNumber, PinEventTypes eventTypes, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            if (!_callbacks.TryGetValue(pinNumber, out var list)) _callbacks[pinNumber] = list = [];
            list.Add((eventTypes, callback));
        }
    }

    protected override void RemoveCallbackForPinValueChangedEvent(int pinNumber, PinChangeEventHandler callback)
    {
        lock (_gate)
        {
            if (_callbacks.TryGetValue(pinNumber, out var list)) list.RemoveAll(c => c.Handler == callback);
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _gone ??= "the driver was disposed";
            _watch.Dispose(); // ends the watching thread's read
            _requests.Dispose();
            if (Thread.CurrentThread != _watching) _watching.Join(TimeSpan.FromSeconds(5));
        }
        base.Dispose(disposing);
    }

    /// <summary>The watching connection's loop: one level change a line, on this thread, as a chip's interrupt thread.</summary>
    private void Watch()
    {
        while (_watch.ReadLine() is { } line)
        {
            if (GpioRequest.ParseLevelLine(line) is not { } change) continue; // not a change: ignore, as a driver ignores noise
            var edge = change.Level == PinValue.High ? PinEventTypes.Rising : PinEventTypes.Falling;
            PinChangeEventHandler[] toCall;
            lock (_gate)
            {
                toCall = _callbacks.TryGetValue(change.Pin, out var list)
                    ? [.. list.Where(c => (c.Events & edge) != 0).Select(c => c.Handler)]
                    : [];
            }
            var args = new PinValueChangedEventArgs(edge, change.Pin);
            // Outside the lock: a callback may well read or write pins itself.
            foreach (var handler in toCall) handler(this, args);
        }
        _gone ??= "the daemon closed the connection";
    }

    private void ExpectOk(GpioRequest request)
    {
        string answer = Ask(request);
        if (answer != "ok") throw Unexpected(answer);
    }

    private string Ask(GpioRequest request)
    {
        if (_gone is { } reason) throw new RemoteGpioException(SocketPath, reason);
        string answer;
        try { answer = _requests.Ask(request.Line()); }
        catch (RemoteGpioException e)
        {
            _gone ??= e.Reason;
            throw;
        }
        // An error answer is a bug in the caller (a pin the board does not have, a write to an input).
        return answer.StartsWith("error ", StringComparison.Ordinal)
            ? throw new InvalidOperationException($"GPIO daemon at {SocketPath}: {answer[6..]} (request: {request.Line()})")
            : answer;
    }

    private InvalidOperationException Unexpected(string answer) => new($"GPIO daemon at {SocketPath}: unexpected answer '{answer}'");
}
