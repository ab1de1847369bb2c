using CsCheck;
using Vmre.Firmware.Activation;
using Vmre.Firmware.Credential;
using Vmre.Firmware.Scanning;

namespace Vmre.Firmware.Tests.Scanning;

public class ScannedInputTests
{
    const string Nonce = "00112233445566778899aabbccddeeff";
    const string Token = "VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05|" + Nonce + "|MAYCAQECAQI";
    static string Mrz() => MrzBuilder.Build("123456789", "0123456789012", "850412", "F", "341231", "GARCIA LOPEZ", "MARIA JOSE");

    [Theory]
    [InlineData("")]
    [InlineData("\r\n")]
    [InlineData(null)]
    public void Empty_scans_are_refused(string? text)
    {
        var r = ScannedInput.Classify(text!);
        Assert.Equal(ScanKind.Refused, r.Kind);
        Assert.Equal(ScanReasons.Empty, r.Reason);
        Assert.Null(r.Activation);
        Assert.Null(r.Credential);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void An_activation_is_recognised_with_any_scanner_suffix(string suffix)
    {
        var r = ScannedInput.Classify(Token + suffix);
        Assert.Equal(ScanKind.Activation, r.Kind);
        Assert.Equal(("MRV-CHI", "05", Nonce), (r.Activation.ModuleId, r.Activation.BallotStyle, r.Activation.Nonce));
        Assert.Null(r.Credential);
        Assert.Null(r.Reason);
    }

    [Theory]
    [InlineData("\n", "")]
    [InlineData("\r\n", "\r\n")]
    public void A_credential_mrz_is_recognised(string newline, string suffix)
    {
        var r = ScannedInput.Classify(Mrz().Replace("\n", newline) + suffix);
        Assert.Equal(ScanKind.Credential, r.Kind);
        Assert.Equal("123456789", r.Credential.DocumentNumber);
        Assert.Equal("GARCIA LOPEZ", r.Credential.Surnames);
        Assert.Null(r.Activation);
        Assert.Null(r.Reason);
    }

    [Fact]
    public void A_malformed_activation_is_refused_with_the_activation_reason_and_no_nonce()
    {
        var r = ScannedInput.Classify("VMRE-A2|MRV-CHI|a476d09b9e33b9ed|05|" + Nonce + "|***");
        Assert.Equal(ScanKind.Refused, r.Kind);
        Assert.Equal(ScanReasons.NotRecognized + ActivationReasons.BadSignatureEncoding, r.Reason);
        Assert.DoesNotContain(Nonce, r.Reason);
    }

    [Fact]
    public void A_testigo_scanned_by_mistake_is_refused_as_an_unknown_tag()
    {
        var r = ScannedInput.Classify("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PAN");
        Assert.Equal(ScanReasons.NotRecognized + ActivationReasons.UnknownTag, r.Reason);
    }

    [Fact]
    public void A_misread_mrz_is_refused_with_the_mrz_reason_and_no_identity()
    {
        var lines = Mrz().Split('\n');
        lines[0] = lines[0][..14] + (lines[0][14] == '0' ? '1' : '0') + lines[0][15..];
        var r = ScannedInput.Classify(string.Join("\n", lines));
        Assert.Equal(ScanKind.Refused, r.Kind);
        Assert.Equal(ScanReasons.NotRecognized + MrzReasons.DocumentNumberCheck, r.Reason);
        Assert.DoesNotContain("123456789", r.Reason);
        Assert.DoesNotContain("GARCIA", r.Reason);
    }

    [Fact]
    public void Other_text_is_refused_as_not_a_credential() =>
        Assert.Equal(ScanReasons.NotRecognized + MrzReasons.LineCount, ScannedInput.Classify("4006381333931").Reason);

    [Fact]
    public void Reasons_never_echo_the_scanned_text() =>
        Gen.Select(Gen.OneOfConst("", "VMRE-A2|", "VMRE-", "IDMEX"), Gen.Char["0123456789abcdefXYZ|<\n"].Array[8, 60])
            .Sample((prefix, chars) =>
            {
                string secret = new string(chars);
                var r = ScannedInput.Classify(prefix + secret);
                Assert.Equal(r.Kind == ScanKind.Refused, r.Reason != null);
                if (r.Reason != null)
                {
                    Assert.StartsWith(r.Reason == ScanReasons.Empty ? ScanReasons.Empty : ScanReasons.NotRecognized, r.Reason);
                    Assert.DoesNotContain(secret.Trim('\n'), r.Reason);
                }
            }, iter: 3000);

    [Fact]
    public void Arbitrary_text_never_throws() =>
        Gen.String.Sample(s =>
        {
            var r = ScannedInput.Classify(s);
            Assert.True((r.Kind == ScanKind.Activation) == (r.Activation != null));
            Assert.True((r.Kind == ScanKind.Credential) == (r.Credential != null));
        }, iter: 3000);
}
