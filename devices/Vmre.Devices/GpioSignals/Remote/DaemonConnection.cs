using System.Net.Sockets;
using System.Text;

namespace Vmre.Devices.GpioSignals.Remote;

/// <summary>
/// One connection to a GPIO daemon: ASCII lines ending in <c>\n</c>, one answer per request.
/// Every socket failure becomes a <see cref="RemoteGpioException"/> naming the socket.
/// </summary>
internal sealed class DaemonConnection : IDisposable
{
    private readonly string _path;
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly StreamReader _reader;
    private readonly object _gate = new();

    private DaemonConnection(string path, Socket socket)
    {
        (_path, _socket) = (path, socket);
        _stream = new NetworkStream(socket, ownsSocket: false);
        _reader = new StreamReader(_stream, Encoding.ASCII);
    }

    /// <param name="answerWithin">How long an answer may take; null for a watching connection, which waits for changes.</param>
    public static DaemonConnection Open(string path, TimeSpan? answerWithin)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        if (answerWithin is { } timeout) socket.ReceiveTimeout = (int)timeout.TotalMilliseconds;
        try
        {
            socket.Connect(new UnixDomainSocketEndPoint(path));
            return new DaemonConnection(path, socket);
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new RemoteGpioException(path, $"no daemon answers ({e.SocketErrorCode})");
        }
    }

    /// <summary>Sends one request line and returns the answer line.</summary>
    public string Ask(string request)
    {
        lock (_gate)
        {
            try
            {
                _stream.Write(Encoding.ASCII.GetBytes(request + "\n"));
                return _reader.ReadLine() ?? throw new RemoteGpioException(_path, "the daemon closed the connection");
            }
            catch (Exception e) when (e is IOException and not RemoteGpioException or SocketException or ObjectDisposedException)
            {
                throw new RemoteGpioException(_path, $"the daemon is gone ({e.Message})");
            }
        }
    }

    /// <summary>The next line the daemon sends, or null once the connection is closed (either end).</summary>
    public string? ReadLine()
    {
        try { return _reader.ReadLine(); }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException) { return null; }
    }

    public void Dispose()
    {
        try { _socket.Shutdown(SocketShutdown.Both); } catch (Exception e) when (e is SocketException or ObjectDisposedException) { /* already closed */ }
        _reader.Dispose();
        _stream.Dispose();
        _socket.Dispose();
    }
}
