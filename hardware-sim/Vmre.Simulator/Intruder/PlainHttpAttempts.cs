using System.Net.Sockets;
using System.Text;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Intruder;

/// <summary>
/// Clear text to each LAN face (issue 8 "Clear text"): the bytes of a plain HTTP request where
/// a TLS ClientHello must come. The face never answers in HTTP and closes the connection. The
/// terminal and the server log refused TLS peers, but these bytes are not a handshake at all, so
/// the TLS layer drops them before any peer exists to log: the check is that nothing answered.
/// </summary>
public sealed class PlainHttpAttempts(LanIntruder intruder, Findings findings)
{
    public async Task Run(IEnumerable<(string Name, string LanUrl)> faces)
    {
        foreach (var (name, lanUrl) in faces) await PlainHttpTo(name, new Uri(lanUrl));
    }

    private async Task PlainHttpTo(string name, Uri face)
    {
        string outcome;
        using (var socket = await intruder.Connector.ConnectAsync(face.Host, face.Port))
        await using (var stream = new NetworkStream(socket, ownsSocket: false))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET /api/review HTTP/1.1\r\nHost: {face.Authority}\r\n\r\n"));
            var answer = await ReadUntilClosed(stream);
            outcome = answer.Contains("HTTP/", StringComparison.Ordinal)
                ? "ANSWERED in HTTP: " + answer.Split('\r')[0]
                : $"no HTTP answer, the connection was closed ({answer.Length} bytes, no HTTP)";
        }
        findings.Check(outcome.StartsWith("no HTTP answer", StringComparison.Ordinal),
            $"LAN intruder speaking plain HTTP to {name}'s LAN face ({face.Host}:{face.Port}): {outcome}");
    }

    private static async Task<string> ReadUntilClosed(NetworkStream stream)
    {
        var bytes = new MemoryStream();
        var buffer = new byte[1024];
        using var bound = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, bound.Token)) > 0) bytes.Write(buffer, 0, read);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException) { }
        return Encoding.Latin1.GetString(bytes.ToArray());
    }
}
