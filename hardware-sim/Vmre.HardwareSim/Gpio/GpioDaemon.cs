using System.Device.Gpio;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;
using Vmre.Devices.GpioSignals.Remote;

namespace Vmre.HardwareSim.Gpio;

/// <summary>
/// The simulated board's GPIO chip served to a terminal in another process: the simulator (or a
/// test) owns the <see cref="SimulatedGpioDriver"/> and drives its inputs directly, and the
/// terminal, started with <c>--gpio remote:SOCKET</c>, opens, reads and writes its pins through
/// the devices library's <see cref="RemoteGpioDriver"/> (protocol in
/// devices/Vmre.Devices/GpioSignals/README.md). A Unix socket, not TCP: only processes on this
/// machine with access to the path can reach the voter's confirm button. The daemon outlives a
/// terminal's process, as a board's pins outlive a power cut of its CPU: the pins a connection
/// opened are closed when it goes, and the next terminal opens them again.
/// </summary>
public sealed class GpioDaemon : IDisposable
{
    private readonly SimulatedGpioDriver _driver;
    private readonly GpioController _chip;
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private readonly object _gate = new();
    private readonly Dictionary<int, object> _openedBy = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<Socket, byte> _clients = new();

    public GpioDaemon(SimulatedGpioDriver driver, string socketPath)
    {
        _driver = driver;
        _chip = new GpioController(driver);
        SocketPath = socketPath;
        if (File.Exists(socketPath)) File.Delete(socketPath); // a stale socket from a killed run
        _listener.Bind(new UnixDomainSocketEndPoint(socketPath));
        _listener.Listen(8);
        _accepting = Task.Run(AcceptAsync);
    }

    public string SocketPath { get; }

    public void Dispose()
    {
        if (_stop.IsCancellationRequested) return;
        _stop.Cancel();
        _listener.Dispose();
        // Hang up on every terminal, as a daemon that stops does: each sees its connection end.
        foreach (var client in _clients.Keys)
        {
            try { client.Shutdown(SocketShutdown.Both); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { /* gone */ }
        }
        try { _accepting.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { /* stopping */ }
        try { File.Delete(SocketPath); } catch (IOException) { /* already gone */ }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try { client = await _listener.AcceptAsync(_stop.Token); }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(Socket client)
    {
        var connection = new object();
        _clients[client] = 0;
        using var _ = client;
        using var stream = new NetworkStream(client, ownsSocket: false);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        // Every line out goes through one channel: replies and watched changes never interleave mid-line,
        // and a slow client never blocks the driver's thread.
        var replies = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
        var writing = WriteAsync(stream, replies.Reader);
        Action<int, PinValue>? watcher = null;
        try
        {
            while (await ReadLineAsync(reader) is { } line)
            {
                if (watcher is not null) continue; // a watching connection only streams
                var request = GpioRequest.Parse(line);
                if (request is GpioRequest.Watch)
                {
                    // Subscribed before "ok" is queued, under one lock with every change line: a client that
                    // has read "ok" sees every later change, and no change line comes before "ok" (a change
                    // made right after "ok" was lost on a loaded machine and its reader waited forever).
                    var order = new object();
                    lock (order)
                    {
                        watcher = (pin, level) => { lock (order) replies.Writer.TryWrite(GpioRequest.LevelLine(pin, level)); };
                        _driver.PinChanged += watcher;
                        replies.Writer.TryWrite("ok");
                    }
                    continue;
                }
                replies.Writer.TryWrite(Answer(request, connection));
            }
        }
        finally
        {
            if (watcher is not null) _driver.PinChanged -= watcher;
            Release(connection);
            _clients.TryRemove(client, out byte _);
            replies.Writer.TryComplete();
            await writing;
        }
    }

    private string Answer(GpioRequest request, object connection)
    {
        try
        {
            lock (_gate)
            {
                switch (request)
                {
                    case GpioRequest.Open open:
                        if (!_chip.IsPinOpen(open.Pin)) _chip.OpenPin(open.Pin);
                        _openedBy[open.Pin] = connection; // a restarted terminal takes its pins over
                        return "ok";
                    case GpioRequest.Close close:
                        if (_chip.IsPinOpen(close.Pin)) _chip.ClosePin(close.Pin);
                        _openedBy.Remove(close.Pin);
                        return "ok";
                    case GpioRequest.SetMode mode:
                        _chip.SetPinMode(mode.Pin, mode.Mode);
                        return "ok";
                    case GpioRequest.GetMode getMode:
                        return GpioRequest.ModeWord(_chip.GetPinMode(getMode.Pin));
                    case GpioRequest.Read read:
                        return GpioRequest.LevelLine(read.Pin, _chip.Read(read.Pin));
                    case GpioRequest.Write write:
                        // As a chip's line requested as input refuses a value: the outside world drives inputs, not the terminal.
                        if (_chip.GetPinMode(write.Pin) != PinMode.Output) return $"error pin {write.Pin} is not an output";
                        _chip.Write(write.Pin, write.Level);
                        return "ok";
                    case GpioRequest.Invalid invalid:
                        return $"error {invalid.Reason}";
                    case GpioRequest.Watch:
                        return "error watch is answered by the connection loop";
                    default:
                        throw new InvalidOperationException($"unhandled request {request.GetType().Name}");
                }
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return $"error pin out of range 0..{_driver.PinTotal - 1}";
        }
        catch (InvalidOperationException e)
        {
            // GpioController's own refusals: a pin not open, a write to an input.
            return $"error {e.Message}";
        }
    }

    /// <summary>A terminal gone (stopped or its power cut): the pins it still held are closed, their levels stay.</summary>
    private void Release(object connection)
    {
        lock (_gate)
        {
            foreach (var pin in _openedBy.Where(p => p.Value == connection).Select(p => p.Key).ToArray())
            {
                if (_chip.IsPinOpen(pin)) _chip.ClosePin(pin);
                _openedBy.Remove(pin);
            }
        }
    }

    private async Task<string?> ReadLineAsync(StreamReader reader)
    {
        try { return await reader.ReadLineAsync(_stop.Token); }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException) { return null; }
    }

    private static async Task WriteAsync(Stream stream, ChannelReader<string> lines)
    {
        try
        {
            await foreach (var line in lines.ReadAllAsync())
            {
                await stream.WriteAsync(Encoding.ASCII.GetBytes(line + "\n"));
            }
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or SocketException) { /* client went away */ }
    }
}
