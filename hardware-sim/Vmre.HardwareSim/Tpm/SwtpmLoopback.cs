using System.Net;
using System.Net.Sockets;
using Vmre.HardwareSim.Network;

namespace Vmre.HardwareSim.Tpm;

/// <summary>
/// The loopback swtpm listens on: the host's, or a network namespace's when the terminal it
/// serves runs in one (issue 8 point 5: the TCTI is TCP on 127.0.0.1, so the TPM lives in its
/// terminal's namespace). The simulator's own probes and shutdown reach it through a connector.
/// </summary>
internal sealed class SwtpmLoopback : IDisposable
{
    private readonly NamespaceConnector? _inside;

    private SwtpmLoopback(string? netns, NamespaceConnector? inside)
    {
        Namespace = netns;
        _inside = inside;
    }

    /// <summary>Null on the host's own network.</summary>
    public string? Namespace { get; }

    public static SwtpmLoopback For(string? netns) => netns is null
        ? new SwtpmLoopback(null, null)
        : new SwtpmLoopback(netns, NamespaceConnector.Enter(netns).ValueOrThrow());

    /// <summary>A TCP connection to 127.0.0.1:port on this loopback; throws SocketException when nothing listens.</summary>
    public Socket Connect(int port)
    {
        var socket = _inside?.NewSocket() ?? new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.SendTimeout = socket.ReceiveTimeout = 1000;
            socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _inside?.Dispose();
}
