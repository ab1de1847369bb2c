using System.Net.Sockets;
using System.Text;
using Vmre.Simulator.Election;

namespace Vmre.Simulator.Intruder;

/// <summary>
/// Clear text to each LAN face (issue 8 "Clear text"): the bytes of a plain HTTP request where
/// a TLS ClientHello must come. The face never answers in HTTP and closes the connection, and
/// logs the connection that never made a TLS 1.3 handshake (Vmre.Common.Lan.LanListener).
/// </summary>
public sealed class PlainHttpAttempts(LanIntruder intruder, Findings findings)
{
    public async Task Run(IEnumerable<(string Name, string LanUrl, TargetLog Log)> faces)
    {
        foreach (var (name, lanUrl, log) in faces) await PlainHttpTo(name, new Uri(lanUrl), log);
    }

    private async Task PlainHttpTo(string name, Uri face, TargetLog log)
    {
        log.Mark();
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
        var (logged, words) = await log.Logged("lan-peer-refused");
        findings.Check(outcome.StartsWith("no HTTP answer", StringComparison.Ordinal) && logged,
            $"LAN intruder speaking plain HTTP to {name}'s LAN face ({face.Host}:{face.Port}): {outcome}; {words}");
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
