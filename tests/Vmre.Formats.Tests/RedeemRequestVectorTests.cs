using System.Text;
using System.Text.Json;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Formats.Tests;

/// <summary>Pins docs/formats/module-messages.md: the terminal's signed redemption request (vmre-redeem/1).</summary>
public class RedeemRequestVectorTests
{
    private static RedeemRequest Vector() =>
        JsonSerializer.Deserialize<RedeemRequest>(Vectors.Text("redeem-request.json"), VmreJson.Options)!;

    private static PublicKey TerminalKey() => PublicKey.FromPem(Vectors.Text("redeem-request.terminal.pub.pem"));

    [Fact]
    public void SignedBytesAreTagTerminalAndWholeToken() =>
        Assert.Equal("vmre-redeem/1|T-CHI-01|VMRE-A1|MRV-CHI|05|0123456789abcdef0123456789abcdef|MEUCIQDtest",
            Encoding.UTF8.GetString(RedeemRequest.SignedBytes("T-CHI-01", Vector().Token)));

    [Fact]
    public void TheCommittedRequestVerifiesWithTheTerminalKey() => Assert.True(Vector().IsSignedBy(TerminalKey()));

    [Fact]
    public void AnotherTerminalIdOrTokenBreaksTheSignature()
    {
        Assert.False((Vector() with { TerminalId = "T-CHI-02" }).IsSignedBy(TerminalKey()));
        Assert.False((Vector() with { Token = Vector().Token.Replace("|05|", "|15|") }).IsSignedBy(TerminalKey()));
        Assert.False((Vector() with { Signature = "not base64!" }).IsSignedBy(TerminalKey()));
    }

    [Fact]
    public void FieldNamesAreTheDocumentedOnes()
    {
        using var json = JsonDocument.Parse(VmreJson.Text(Vector()));
        Assert.Equal(["token", "terminalId", "signature"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
