using System.Net;
using System.Net.Sockets;
using Vmre.HardwareSim.Network;

namespace Vmre.Simulator.Lan;

/// <summary>
/// The module server's swtpm listens on its namespace's loopback, beside the server (issue 8 point
/// 5). The simulator itself plays one attacker the real LAN does not have — someone holding the
/// server's signing power, to show that commands are refused on their own merits (replay, another
/// package) even over a TLS connection that passes — and reaches that swtpm through this relay: two
/// host-loopback ports (data and control, as the swtpm TCTI wants them: port and port + 1) piped into
/// the namespace through its <see cref="NamespaceConnector"/>. Nothing on the module LAN can reach it.
/// </summary>
public sealed class TpmRelay : IDisposable
{
    private readonly TcpListener _data;
    private readonly TcpListener _control;
    private readonly CancellationTokenSource _stop = new();

    private TpmRelay(TcpListener data, TcpListener control) => (_data, _control) = (data, control);

    /// <summary>The TCTI that reaches the relayed swtpm from the host namespace.</summary>
    public string Tcti => $"swtpm:host=127.0.0.1,port={((IPEndPoint)_data.LocalEndpoint).Port}";

    public static TpmRelay Start(NamespaceConnector into, int tpmPort)
    {
        var (data, control) = TwoPorts();
        var relay = new TpmRelay(data, control);
        _ = relay.Pipe(data, into, tpmPort);
        _ = relay.Pipe(control, into, tpmPort + 1);
        return relay;
    }

    private static (TcpListener, TcpListener) TwoPorts()
    {
        for (var attempt = 0; ; attempt++)
        {
            var data = new TcpListener(IPAddress.Loopback, 0);
            data.Start();
            var control = new TcpListener(IPAddress.Loopback, ((IPEndPoint)data.LocalEndpoint).Port + 1);
            try { control.Start(); return (data, control); }
            catch (SocketException) when (attempt < 20) { data.Stop(); }
        }
    }

    private async Task Pipe(TcpListener listener, NamespaceConnector into, int port)
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket outside;
            try { outside = await listener.AcceptSocketAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            _ = Join(outside, into, port);
        }
    }

    private async Task Join(Socket outside, NamespaceConnector into, int port)
    {
        using (outside)
        {
            try
            {
                using var inside = await into.ConnectAsync("127.0.0.1", port, _stop.Token);
                await using var a = new NetworkStream(outside, ownsSocket: false);
                await using var b = new NetworkStream(inside, ownsSocket: false);
                await Task.WhenAny(a.CopyToAsync(b, _stop.Token), b.CopyToAsync(a, _stop.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _data.Stop();
        _control.Stop();
    }
}
