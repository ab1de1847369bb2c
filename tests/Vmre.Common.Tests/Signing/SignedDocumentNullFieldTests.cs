using Vmre.Common.Signing;

namespace Vmre.Common.Tests.Signing;

/// <summary>
/// Review finding: an envelope bound straight from an HTTP body (the terminal's
/// /api/module/command) may have null fields; Open threw ArgumentNullException (HTTP 500)
/// instead of refusing with a reason (rules.md R5: what fails is refused and logged).
/// </summary>
public sealed class SignedDocumentNullFieldTests
{
    private static readonly SoftwareSigningKey Key = SoftwareSigningKey.Generate();

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void An_envelope_with_a_null_payload_or_signature_is_refused_with_a_reason(bool nullPayload, bool nullSignature)
    {
        var good = SignedDocument.Create("module-command", new { a = 1 }, Key);
        var doc = good with { Payload = nullPayload ? null! : good.Payload, Signature = nullSignature ? null! : good.Signature };
        var opened = doc.Open<object>("module-command", PublicKey.FromPem(Key.PublicKeyPem));
        Assert.False(opened.IsOk);
        Assert.Equal("envelope is missing a field", opened.Error);
    }
}
