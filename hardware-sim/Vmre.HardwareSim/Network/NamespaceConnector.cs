using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Vmre.Common.Serialization;

namespace Vmre.HardwareSim.Network;

/// <summary>
/// Sockets made inside one network namespace, used from the simulator's own process: how the
/// simulated voters and the browser tests reach a kiosk face that listens only on its terminal
/// namespace's loopback (issue 8 points 1 and 5). A socket keeps the namespace it was created in,
/// so only socket(2) runs there: on a thread of its own that entered the namespace with setns(2)
/// and does nothing else, never a pool thread (a thread created from it would inherit the
/// namespace). Connecting, binding and all I/O then happen on any thread.
/// </summary>
public sealed class NamespaceConnector : IDisposable
{
    public const string NamedNamespaces = "/var/run/netns";

    private readonly BlockingCollection<SocketRequest> _requests = new();
    private readonly Thread _thread;

    private NamespaceConnector(string ns, int fd)
    {
        Namespace = ns;
        _thread = new Thread(() => Serve(fd)) { IsBackground = true, Name = $"netns {ns}" };
    }

    public string Namespace { get; }

    /// <summary>Enters the named namespace (from `ip netns add`), or says why it can't.</summary>
    public static Parsed<NamespaceConnector> Enter(string ns)
    {
        var path = Path.Combine(NamedNamespaces, ns);
        if (ns.Contains('/') || !File.Exists(path)) return Parsed<NamespaceConnector>.Fail($"no network namespace '{ns}' ({path})");
        var fd = NetnsCalls.Open(path, NetnsCalls.O_RDONLY | NetnsCalls.O_CLOEXEC);
        if (fd < 0) return Parsed<NamespaceConnector>.Fail($"network namespace '{ns}' can't be opened: {NetnsCalls.LastError()}");
        var connector = new NamespaceConnector(ns, fd);
        connector._thread.Start();
        var entered = connector.Request(AddressFamily.InterNetwork);
        if (entered.IsOk) { entered.Value!.Dispose(); return Parsed<NamespaceConnector>.Ok(connector); }
        connector.Dispose();
        return Parsed<NamespaceConnector>.Fail(entered.Error!);
    }

    /// <summary>A new TCP socket that lives in the namespace.</summary>
    public Socket NewSocket(AddressFamily family = AddressFamily.InterNetwork) => Request(family).ValueOrThrow();

    /// <summary>A TCP connection to host:port as seen from inside the namespace ("127.0.0.1" is its own loopback).</summary>
    public async ValueTask<Socket> ConnectAsync(string host, int port, CancellationToken cancel = default)
    {
        var address = IPAddress.TryParse(host, out var literal) ? literal
            : host == "localhost" ? IPAddress.Loopback
            : (await Dns.GetHostAddressesAsync(host, AddressFamily.InterNetwork, cancel)).First();
        var socket = NewSocket(address.AddressFamily);
        try
        {
            socket.NoDelay = true;
            await socket.ConnectAsync(new IPEndPoint(address, port), cancel);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>For <see cref="SocketsHttpHandler.ConnectCallback"/>: the HTTP client's connections start inside the namespace.</summary>
    public async ValueTask<Stream> ConnectCallback(SocketsHttpConnectionContext context, CancellationToken cancel) =>
        new NetworkStream(await ConnectAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, cancel), ownsSocket: true);

    /// <summary>An HTTP handler whose every connection is made inside the namespace.</summary>
    public SocketsHttpHandler Handler() => new() { ConnectCallback = ConnectCallback, UseProxy = false };

    /// <summary>A listening socket bound inside the namespace (the tests' stand-in for a part's listener).</summary>
    public Socket Listen(IPEndPoint at)
    {
        var socket = NewSocket(at.AddressFamily);
        socket.Bind(at);
        socket.Listen();
        return socket;
    }

    public void Dispose() => _requests.CompleteAdding();

    private Parsed<Socket> Request(AddressFamily family)
    {
        var request = new SocketRequest(family);
        try { _requests.Add(request); }
        catch (InvalidOperationException) { throw new ObjectDisposedException(nameof(NamespaceConnector)); }
        // A plain wait, not a Task: completing a Task there would run or queue the caller's code
        // on the namespace's thread.
        request.Done.Wait();
        return request.Error is not null
            ? Parsed<Socket>.Fail(request.Error)
            : Parsed<Socket>.Ok(new Socket(new SafeSocketHandle(request.Fd, ownsHandle: true)));
    }

    /// <summary>The namespace's thread: enter once, then only socket(2) calls until disposed.</summary>
    private void Serve(int fd)
    {
        string? failure = NetnsCalls.SetNs(fd, NetnsCalls.CLONE_NEWNET) == 0 ? null
            : $"network namespace '{Namespace}' can't be entered: {NetnsCalls.LastError()}";
        NetnsCalls.Close(fd);
        foreach (var request in _requests.GetConsumingEnumerable())
        {
            if (failure is not null) request.Error = failure;
            else
            {
                var domain = request.Family == AddressFamily.InterNetworkV6 ? NetnsCalls.AF_INET6 : NetnsCalls.AF_INET;
                request.Fd = NetnsCalls.Socket(domain, NetnsCalls.SOCK_STREAM | NetnsCalls.SOCK_CLOEXEC, 0);
                if (request.Fd < 0) request.Error = $"no socket in '{Namespace}': {NetnsCalls.LastError()}";
            }
            request.Done.Set();
        }
    }

    /// <summary>Its event is never disposed: the thread may still be leaving Set when the caller wakes, and without a kernel handle there is nothing to free.</summary>
    private sealed class SocketRequest(AddressFamily family)
    {
        public AddressFamily Family { get; } = family;
        public ManualResetEventSlim Done { get; } = new();
        public int Fd { get; set; } = -1;
        public string? Error { get; set; }
    }
}
