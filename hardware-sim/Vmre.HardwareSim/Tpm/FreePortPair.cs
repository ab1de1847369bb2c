using System.Net;
using System.Net.Sockets;

namespace Vmre.HardwareSim.Tpm;

/// <summary>
/// Finds P and P+1 both free on 127.0.0.1 (swtpm's server and control ports). Free when
/// checked, not reserved: a race is possible, which is why the caller retries.
/// </summary>
internal static class FreePortPair
{
    public static int Find()
    {
        for (int attempt = 0; attempt < 50; attempt++)
        {
            int port = Bind(0, out var first);
            try
            {
                if (port >= IPEndPoint.MaxPort) continue;
                if (TryBind(port + 1)) return port;
            }
            finally { first.Stop(); }
        }
        throw new InvalidOperationException("no free port pair on 127.0.0.1");
    }

    private static bool TryBind(int port)
    {
        try
        {
            Bind(port, out var listener);
            listener.Stop();
            return true;
        }
        catch (SocketException) { return false; }
    }

    private static int Bind(int port, out TcpListener listener)
    {
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
