using System.Device.Gpio;
using System.Net.Sockets;
using System.Text;

namespace Vmre.HardwareSim.Gpio;

/// <summary>
/// The other end of <see cref="GpioControlServer"/>: a simulator or test in another process
/// reads the terminal's LEDs and buzzer and presses its button or trips its sensors. An
/// <c>error</c> answer is a bug in the caller (a wrong pin), so it throws.
/// </summary>
public sealed class GpioControlClient : IDisposable
{
    private readonly string _socketPath;
    private readonly Socket _socket;
    private readonly StreamReader _reader;
    private readonly NetworkStream _stream;
    private readonly object _gate = new();

    public GpioControlClient(string socketPath)
    {
        _socketPath = socketPath;
        (_socket, _stream, _reader) = Connect(socketPath);
    }

    public PinValue Read(int pin)
    {
        string answer = Ask($"read {pin}");
        var words = answer.Split(' ');
        return words.Length == 2 && words[0] == pin.ToString() && GpioControlRequest.ParseLevel(words[1]) is { } level
            ? level
            : throw new InvalidOperationException($"unexpected GPIO control answer: {answer}");
    }

    public void Drive(int pin, PinValue level) => ExpectOk(Ask($"drive {pin} {GpioControlRequest.LevelWord(level)}"));

    /// <summary>Drives <paramref name="level"/>, holds it, then drives the opposite; returns after the release.</summary>
    public void Pulse(int pin, PinValue level, TimeSpan hold) =>
        ExpectOk(Ask($"pulse {pin} {GpioControlRequest.LevelWord(level)} {Math.Max(1, (int)hold.TotalMilliseconds)}"));

    /// <summary>
    /// A press and release of an active-low button (the terminal's confirm button, pin 5). The
    /// default hold of 100 ms is longer than any sane debounce, as a finger's press is.
    /// </summary>
    public void Press(int pin, TimeSpan? hold = null) => Pulse(pin, PinValue.Low, hold ?? TimeSpan.FromMilliseconds(100));

    /// <summary>Waits until the pin is at <paramref name="level"/>; false if it is not within the timeout.</summary>
    public bool WaitFor(int pin, PinValue level, TimeSpan timeout)
    {
        // Watch first, then read: a change between the two is still seen on the watch.
        var (socket, stream, watch) = Connect(_socketPath);
        using var _ = socket;
        using var __ = stream;
        using var ___ = watch;
        using var expiry = new CancellationTokenSource(timeout);
        Write(stream, "watch");
        if (ReadLine(watch, expiry.Token) != "ok") throw new InvalidOperationException("GPIO control server refused watch");
        if (Read(pin) == level) return true;
        string expected = $"{pin} {GpioControlRequest.LevelWord(level)}";
        while (ReadLine(watch, expiry.Token) is { } change)
            if (change == expected) return true;
        return false;
    }

    public void Dispose()
    {
        _reader.Dispose();
        _stream.Dispose();
        _socket.Dispose();
    }

    private string Ask(string request)
    {
        lock (_gate)
        {
            Write(_stream, request);
            string answer = _reader.ReadLine() ?? throw new IOException("GPIO control server closed the connection");
            return answer.StartsWith("error ", StringComparison.Ordinal)
                ? throw new InvalidOperationException($"GPIO control: {answer[6..]} (request: {request})")
                : answer;
        }
    }

    private static void ExpectOk(string answer)
    {
        if (answer != "ok") throw new InvalidOperationException($"unexpected GPIO control answer: {answer}");
    }

    private static (Socket, NetworkStream, StreamReader) Connect(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Connect(new UnixDomainSocketEndPoint(path));
        var stream = new NetworkStream(socket, ownsSocket: false);
        return (socket, stream, new StreamReader(stream, Encoding.ASCII));
    }

    private static void Write(Stream stream, string line) => stream.Write(Encoding.ASCII.GetBytes(line + "\n"));

    /// <returns>The next line, or null at the deadline or when the server closes.</returns>
    private static string? ReadLine(StreamReader reader, CancellationToken deadline)
    {
        try { return reader.ReadLineAsync(deadline).AsTask().GetAwaiter().GetResult(); }
        catch (OperationCanceledException) { return null; }
    }
}
