using System.Net;
using System.Net.Sockets;

namespace Vmre.ModuleServer.Tests.Edges;

/// <summary>
/// A TCP relay on loopback between a terminal and the module server's LAN face (issue 11 point 7,
/// "a lost redemption answer"). It forwards every byte both ways, TLS untouched; while
/// <see cref="DropsLeft"/> is above zero it cuts a connection at the first bytes the server sends
/// once <see cref="AnswerIsDue"/> says the server has acted (the burn is committed), so the request
/// arrived and was carried out but its answer never reaches the terminal.
/// </summary>
public sealed class AnswerDroppingRelay : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly IPEndPoint _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _dropsLeft;

    public AnswerDroppingRelay(Uri server, Func<bool> answerIsDue, int drops)
    {
        _server = new IPEndPoint(IPAddress.Parse(server.Host), server.Port);
        AnswerIsDue = answerIsDue;
        _dropsLeft = drops;
        _listener.Start();
        _accepting = Accept();
    }

    public Func<bool> AnswerIsDue { get; }
    public int DropsLeft => Volatile.Read(ref _dropsLeft);
    public int Dropped { get; private set; }
    public Uri Url => new($"https://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");

    private async Task Accept()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await _listener.AcceptTcpClientAsync(_stop.Token); }
            catch (OperationCanceledException) { return; }
            catch (SocketException) { return; }
            _ = Relay(client);
        }
    }

    private async Task Relay(TcpClient client)
    {
        using (client)
        using (var server = new TcpClient())
        {
            try
            {
                await server.ConnectAsync(_server, _stop.Token);
                var up = Pump(client.GetStream(), server.GetStream(), toTerminal: false);
                var down = Pump(server.GetStream(), client.GetStream(), toTerminal: true);
                await Task.WhenAny(up, down);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException)
            {
                // A cut connection: what the relay is for.
            }
        }
    }

    private async Task Pump(Stream from, Stream to, bool toTerminal)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, _stop.Token)) > 0)
        {
            // The server wrote these bytes after it acted if AnswerIsDue now holds: cut here.
            if (toTerminal && DropsLeft > 0 && AnswerIsDue() && Interlocked.Decrement(ref _dropsLeft) >= 0)
            {
                Dropped++;
                return;
            }
            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        _listener.Stop();
        try { await _accepting; } catch (OperationCanceledException) { }
        _stop.Dispose();
    }
}
