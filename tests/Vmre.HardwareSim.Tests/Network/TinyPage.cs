using System.Net.Sockets;
using System.Text;

namespace Vmre.HardwareSim.Tests.Network;

/// <summary>
/// A one-page HTTP server on a listening socket the test made inside a namespace: the stand-in
/// for a kiosk face on that namespace's loopback. Answers every request with the page, then closes.
/// </summary>
public sealed class TinyPage : IDisposable
{
    private readonly Socket _listener;
    private readonly CancellationTokenSource _stop = new();

    public TinyPage(Socket listener, string title)
    {
        _listener = listener;
        Title = title;
        _ = Task.Run(Serve);
    }

    public string Title { get; }

    private async Task Serve()
    {
        var body = Encoding.UTF8.GetBytes($"<!doctype html><html><head><title>{Title}</title></head><body>{Title}</body></html>");
        var head = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        while (!_stop.IsCancellationRequested)
        {
            Socket peer;
            try { peer = await _listener.AcceptAsync(_stop.Token); }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException) { return; }
            using (peer)
            {
                try
                {
                    await ReadRequestHead(peer);
                    await peer.SendAsync(head);
                    await peer.SendAsync(body);
                    peer.Shutdown(SocketShutdown.Both);
                }
                catch (SocketException) { }
            }
        }
    }

    private static async Task ReadRequestHead(Socket peer)
    {
        var seen = new StringBuilder();
        var buffer = new byte[1024];
        while (!seen.ToString().Contains("\r\n\r\n"))
        {
            var n = await peer.ReceiveAsync(buffer);
            if (n == 0) return;
            seen.Append(Encoding.ASCII.GetString(buffer, 0, n));
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Dispose();
    }
}
