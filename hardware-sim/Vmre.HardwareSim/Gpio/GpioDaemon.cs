using System.Device.Gpio;
using System.Net.Sockets;
using System.Text;
using System.Threading.Channels;

namespace Vmre.HardwareSim.Gpio;

/// <summary>
/// Serves one <see cref="SimulatedGpioDriver"/> on a Unix domain socket, so the simulator and
/// tests in another process can read the terminal's outputs (LEDs, buzzer) and drive its inputs
/// (confirm button, paper sensors, cover switch). Line protocol in hardware-sim/README.md.
/// A Unix socket, not TCP: only processes on this machine with access to the path can press
/// the voter's confirm button.
/// </summary>
public sealed class GpioControlServer : IDisposable
{
    private readonly SimulatedGpioDriver _driver;
    private readonly Socket _listener = new(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public GpioControlServer(SimulatedGpioDriver driver, string socketPath)
    {
        _driver = driver;
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
                var request = GpioControlRequest.Parse(line);
                if (request is GpioControlRequest.Watch)
                {
                    replies.Writer.TryWrite("ok");
                    watcher = (pin, level) => replies.Writer.TryWrite($"{pin} {GpioControlRequest.LevelWord(level)}");
                    _driver.PinChanged += watcher;
                    continue;
                }
                replies.Writer.TryWrite(await AnswerAsync(request));
            }
        }
        finally
        {
            if (watcher is not null) _driver.PinChanged -= watcher;
            replies.Writer.TryComplete();
            await writing;
        }
    }

    private async Task<string> AnswerAsync(GpioControlRequest request)
    {
        try
        {
            switch (request)
            {
                case GpioControlRequest.Read read:
                    return $"{read.Pin} {GpioControlRequest.LevelWord(_driver.Level(read.Pin))}";
                case GpioControlRequest.Drive drive:
                    _driver.Drive(drive.Pin, drive.Level);
                    return "ok";
                case GpioControlRequest.Pulse pulse:
                    _driver.Drive(pulse.Pin, pulse.Level);
                    await Task.Delay(pulse.Milliseconds, _stop.Token);
                    _driver.Drive(pulse.Pin, pulse.Level == PinValue.High ? PinValue.Low : PinValue.High);
                    return "ok";
                case GpioControlRequest.Invalid invalid:
                    return $"error {invalid.Reason}";
                case GpioControlRequest.Watch:
                    return "error watch is answered by the connection loop";
                default:
                    throw new InvalidOperationException($"unhandled request {request.GetType().Name}");
            }
        }
        catch (ArgumentOutOfRangeException)
        {
            return $"error pin out of range 0..{_driver.PinTotal - 1}";
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
