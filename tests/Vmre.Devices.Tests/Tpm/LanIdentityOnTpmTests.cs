using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Vmre.Common.Lan;
using Vmre.Common.Signing;
using Vmre.Devices.Tpm;
using PublicKey = Vmre.Common.Signing.PublicKey;

namespace Vmre.Devices.Tests.Tpm;

/// <summary>
/// The terminal's LAN leaf certified by its device key inside a real swtpm (issue 8 point 2):
/// the TPM signs the leaf once per run, and the TLS handshake itself never touches the TPM.
/// </summary>
public sealed class LanIdentityOnTpmTests(SwtpmFixture fixture) : IClassFixture<SwtpmFixture>
{
    [Fact]
    public async Task A_leaf_certified_by_the_tpm_device_key_passes_mutual_TLS_and_the_server_learns_the_terminal_id()
    {
        fixture.Tpm.CreateSigningKey(TpmSigner.DeviceKeyPath);
        var deviceKey = new TpmSigner(fixture.Tpm);
        var serverKey = SoftwareSigningKey.Generate();
        using var terminal = LanIdentity.Mint("T-CHI-01", deviceKey, TimeProvider.System);
        using var server = LanIdentity.Mint("MRV-CHI", serverKey, TimeProvider.System);
        var terminals = new PairedPeers(new Dictionary<string, PublicKey> { ["T-CHI-01"] = PublicKey.FromPem(deviceKey.PublicKeyPem) });
        var servers = new PairedPeers(new Dictionary<string, PublicKey> { ["MRV-CHI"] = PublicKey.FromPem(serverKey.PublicKeyPem) });
        var refusals = new List<string>();

        var (serverSaw, clientSaw) = await Handshake(
            LanTls.ServerOptions(server, terminals, r => { lock (refusals) refusals.Add(r); }),
            LanTls.ClientOptions(terminal, servers, r => { lock (refusals) refusals.Add(r); }));

        Assert.Empty(refusals);
        Assert.Equal("T-CHI-01", terminals.Identify(serverSaw).ValueOrThrow().DeviceId);
        Assert.Equal("MRV-CHI", servers.Identify(clientSaw).ValueOrThrow().DeviceId);
        // And the same leaf is refused by a server that pinned another key for T-CHI-01.
        var otherPairing = new PairedPeers(new Dictionary<string, PublicKey>
        {
            ["T-CHI-01"] = PublicKey.FromPem(SoftwareSigningKey.Generate().PublicKeyPem),
        });
        Assert.Equal("not signed by the key paired with T-CHI-01", otherPairing.Identify(serverSaw).Error);
    }

    private static async Task<(X509Certificate2 ServerSaw, X509Certificate2 ClientSaw)> Handshake(
        SslServerAuthenticationOptions serverOptions, SslClientAuthenticationOptions clientOptions)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(60)); // against a hang, not a timing assertion
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            var serverSide = Task.Run(async () =>
            {
                using var tcp = await listener.AcceptTcpClientAsync(guard.Token);
                await using var ssl = new SslStream(tcp.GetStream());
                await ssl.AuthenticateAsServerAsync(serverOptions, guard.Token);
                Assert.Equal(SslProtocols.Tls13, ssl.SslProtocol);
                await ssl.WriteAsync(new byte[] { 42 }, guard.Token);
                await ssl.ReadExactlyAsync(new byte[1], guard.Token);
                return X509CertificateLoader.LoadCertificate(ssl.RemoteCertificate!.GetRawCertData());
            });
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, ((IPEndPoint)listener.LocalEndpoint).Port, guard.Token);
            await using var ssl = new SslStream(client.GetStream());
            await ssl.AuthenticateAsClientAsync(clientOptions, guard.Token);
            var buffer = new byte[1];
            await ssl.ReadExactlyAsync(buffer, guard.Token); // the server accepted our certificate
            Assert.Equal(42, buffer[0]);
            await ssl.WriteAsync(new byte[] { 43 }, guard.Token);
            var clientSaw = X509CertificateLoader.LoadCertificate(ssl.RemoteCertificate!.GetRawCertData());
            return (await serverSide, clientSaw);
        }
        finally
        {
            listener.Stop();
        }
    }
}
