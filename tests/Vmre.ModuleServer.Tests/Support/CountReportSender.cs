using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Vmre.Common.Closing;
using Vmre.Common.Lan;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.ModuleServer.Tests.Support;

/// <summary>
/// A count report as a paired terminal sends it (issue 10 point 3): signed with the leaf key of the
/// very connection it travels on, that leaf attached, posted over the LAN face.
/// </summary>
public static class CountReportSender
{
    public static SignedCountReport Sign(CountReport report, LanIdentity leaf) =>
        new(SignedDocument.Create(DocumentKinds.CountReport, report, new LeafSigner(leaf)), Convert.ToBase64String(leaf.Certificate.RawData));

    /// <summary>Posts as the terminal <paramref name="terminalId"/>; returns the status and body text.</summary>
    public static async Task<(int Status, string Body)> Post(TestModule module, string terminalId, SignedCountReport body, HttpClient? over = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, ServerRoutes.CountReport) { Content = new ByteArrayContent(VmreJson.Bytes(body)) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await (over ?? module.TerminalHttp(terminalId)).SendAsync(request);
        return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task Send(TestModule module, string terminalId, CountReport report)
    {
        var (status, body) = await Post(module, terminalId, Sign(report, module.TerminalLeaf(terminalId)));
        Assert.True(status == 200, body);
    }

    public static CountReport Report(TestModule module, string terminalId, long sequence, int sealedVotes, int withoutVote, int redeemed, ulong epoch = 0) =>
        new(CountReport.FormatV1, terminalId, TestElection.ModuleId, module.PackageHash, sequence, sealedVotes, withoutVote, redeemed, epoch);

    private sealed class LeafSigner(LanIdentity leaf) : ISigner
    {
        private readonly ECDsa _key = leaf.Certificate.GetECDsaPrivateKey()!;
        public string KeyId => Vmre.Common.Signing.PublicKey.IdOf(_key);
        public string PublicKeyPem => _key.ExportSubjectPublicKeyInfoPem();
        public byte[] Sign(ReadOnlySpan<byte> data) => _key.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }
}
