using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Vmre.Common.Tests.Lan;

/// <summary>
/// One TLS connection over real loopback sockets, SslStream at both ends, and one byte each way
/// after the handshake. The byte matters: in TLS 1.3 a client finishes its handshake before the
/// server has judged the client's certificate, so a refused client learns it only on reading.
/// </summary>
internal static class LoopbackTls
{
    public sealed record Outcome(
        bool ServerAccepted, bool ClientAccepted, bool ByteCrossed,
        X509Certificate2? CertificateServerSaw, X509Certificate2? CertificateClientSaw, SslProtocols ClientProtocol);

    public static async Task<Outcome> Connect(SslServerAuthenticationOptions server, SslClientAuthenticationOptions client)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // against a hang, not a timing assertion
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var serverSide = Serve(listener, server, guard.Token);
            var clientSide = Dial(port, client, guard.Token);
            var (serverAccepted, clientCert) = await serverSide;
            var (clientAccepted, crossed, serverCert, protocol) = await clientSide;
            return new Outcome(serverAccepted, clientAccepted, crossed, clientCert, serverCert, protocol);
        }
        finally
        {
            listener.Stop();
        }
    }

    private static async Task<(bool, X509Certificate2?)> Serve(TcpListener listener, SslServerAuthenticationOptions options, CancellationToken token)
    {
        using var tcp = await listener.AcceptTcpClientAsync(token);
        await using var ssl = new SslStream(tcp.GetStream());
        try
        {
            await ssl.AuthenticateAsServerAsync(options, token);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return (false, null);
        }
        var seen = Copy(ssl.RemoteCertificate);
        try
        {
            await ssl.WriteAsync(new byte[] { 42 }, token);
            await ssl.FlushAsync(token);
            await ssl.ReadExactlyAsync(new byte[1], token); // the client's answer: keep the connection until it has read
        }
        catch (Exception e) when (e is IOException or EndOfStreamException) { }
        return (true, seen);
    }

    private static async Task<(bool, bool, X509Certificate2?, SslProtocols)> Dial(int port, SslClientAuthenticationOptions options, CancellationToken token)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, port, token);
        await using var ssl = new SslStream(tcp.GetStream());
        try
        {
            await ssl.AuthenticateAsClientAsync(options, token);
        }
        catch (Exception e) when (e is AuthenticationException or IOException)
        {
            return (false, false, null, SslProtocols.None);
        }
        var seen = Copy(ssl.RemoteCertificate);
        var crossed = false;
        try
        {
            var buffer = new byte[1];
            crossed = await ssl.ReadAsync(buffer, token) == 1 && buffer[0] == 42;
            if (crossed) await ssl.WriteAsync(new byte[] { 43 }, token);
        }
        catch (Exception e) when (e is IOException or AuthenticationException) { }
        return (true, crossed, seen, ssl.SslProtocol);
    }

    private static X509Certificate2? Copy(X509Certificate? certificate) =>
        certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
}
