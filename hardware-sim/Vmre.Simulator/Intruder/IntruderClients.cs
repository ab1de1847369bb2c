using Vmre.Common.Lan;
using Vmre.Common.Signing;
using Vmre.HardwareSim.Network;

namespace Vmre.Simulator.Intruder;

/// <summary>
/// The HTTP clients the intruder uses, every connection made inside its own network namespace
/// (issue 8 point 6): with no certificate at all, with a certificate it made itself, or (for the
/// command-level checks) with a valid server identity, as a captured key would give.
/// </summary>
public static class IntruderClients
{
    /// <summary>A TLS client that shows no certificate and trusts whatever the face shows.</summary>
    public static HttpClient NoCertificate(NamespaceConnector from, string baseUrl)
    {
        var handler = from.Handler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
        return new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>
    /// A mutual-TLS client as the module's own devices make them (<see cref="LanTls.ClientHandler"/>),
    /// presenting <paramref name="identity"/> and believing only <paramref name="peers"/>.
    /// </summary>
    public static HttpClient WithIdentity(NamespaceConnector from, string baseUrl, LanIdentity identity, PairedPeers peers, Action<string>? refused = null)
    {
        var handler = LanTls.ClientHandler(identity, peers, refused ?? (_ => { }));
        handler.ConnectCallback = from.ConnectCallback;
        return new HttpClient(handler) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(20) };
    }

    /// <summary>A leaf the intruder certified with a key of its own, naming <paramref name="deviceId"/>.</summary>
    public static LanIdentity SelfMade(string deviceId) => LanIdentity.Mint(deviceId, SoftwareSigningKey.Generate(), TimeProvider.System);

    /// <summary>Sends; a refusal at the TLS handshake reaches an HTTP client only as a failed connection.</summary>
    public static async Task<string?> AnswerOrRefused(Func<Task<HttpResponseMessage>> send)
    {
        try
        {
            using var answer = await send();
            return $"answered HTTP {(int)answer.StatusCode}";
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
