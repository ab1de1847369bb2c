using CsCheck;
using Vmre.Firmware.Printing;

namespace Vmre.Firmware.Tests.Printing;

/// <summary>
/// VMRE-V1 (docs/formats/voiding-notice.md, superseded): still decoded, only so that a recount
/// recognises a V1 notice and refuses it by name; the reason codes live on in VMRE-M1.
/// </summary>
public class VoidingNoticeCodecTests
{
    const string Golden = "VMRE-V1|3f2a9c1b|0123456789ABCDEF0123|REJECTED";

    [Fact]
    public void Golden_vector()
    {
        Assert.Equal(Golden, new VoidingNoticePayload("3f2a9c1b", "0123456789ABCDEF0123", VoidReason.VoterRejected).Encode());
        var r = VoidingNoticeDecoder.Decode(Golden);
        Assert.True(r.Ok);
        Assert.Null(r.Reason);
        Assert.Equal(("3f2a9c1b", "0123456789ABCDEF0123", VoidReason.VoterRejected),
            (r.Payload.ElectionHashPrefix, r.Payload.TestigoId, r.Payload.Reason));
    }

    [Fact]
    public void The_recount_refusal_of_a_v1_notice_names_the_testigo_id_as_the_reason() =>
        Assert.Equal("voiding notice VMRE-V1 names a testigo id and is no longer accepted", VoidingNoticeReasons.Retired);

    // The codes are part of the format: written out here, not read from the code.
    [Theory]
    [InlineData(VoidReason.PrinterFault, 0, "PRINTER", "Falla de la impresora")]
    [InlineData(VoidReason.CoverOpened, 1, "COVER", "Se abrió la cubierta de la impresora")]
    [InlineData(VoidReason.VoterRejected, 2, "REJECTED", "La persona votante rechazó el testigo")]
    [InlineData(VoidReason.VoterTimeout, 3, "TIMEOUT", "La persona votante no aceptó el testigo a tiempo")]
    [InlineData(VoidReason.PowerLoss, 4, "POWER", "Corte de energía o reinicio de la terminal")]
    [InlineData(VoidReason.OfficialCancelled, 5, "OFFICIAL", "Sesión terminada por el funcionariado del módulo")]
    public void Every_reason_has_a_stable_code_and_spanish_wording(VoidReason reason, int value, string code, string spanish)
    {
        Assert.Equal(value, (int)reason);
        Assert.Equal(code, VoidReasonCodes.CodeOf(reason));
        Assert.Equal(spanish, VoidReasonCodes.SpanishOf(reason));
        Assert.True(VoidReasonCodes.TryParse(code, out var back));
        Assert.Equal(reason, back);
        string text = new VoidingNoticePayload("00000000", "FFFFFFFFFFFFFFFFFFFF", reason).Encode();
        Assert.Equal("VMRE-V1|00000000|FFFFFFFFFFFFFFFFFFFF|" + code, text);
        Assert.Equal(reason, VoidingNoticeDecoder.Decode(text).Payload.Reason);
    }

    [Fact]
    public void Six_reasons_exactly() => Assert.Equal(6, Enum.GetValues<VoidReason>().Length);

    [Fact]
    public void Only_the_six_reasons_are_defined()
    {
        Assert.All(Enum.GetValues<VoidReason>(), r => Assert.True(VoidReasonCodes.IsDefined(r)));
        Assert.False(VoidReasonCodes.IsDefined((VoidReason)(-1)));
        Assert.False(VoidReasonCodes.IsDefined((VoidReason)6));
        Assert.False(VoidReasonCodes.TryParse(null!, out _));
    }

    [Theory]
    [InlineData(null, VoidingNoticeReasons.Empty)]
    [InlineData("", VoidingNoticeReasons.Empty)]
    [InlineData("VMRE-V1|3f2a9c1b|0123456789ABCDEF0123|REJECTED|XXXXXXXXXXXXXXXXXXXXXXX", VoidingNoticeReasons.TooLong)]
    [InlineData("VMRE-V2|3f2a9c1b|0123456789ABCDEF0123|REJECTED", VoidingNoticeReasons.UnknownTag)]
    [InlineData("vmre-v1|3f2a9c1b|0123456789ABCDEF0123|REJECTED", VoidingNoticeReasons.UnknownTag)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PAN", VoidingNoticeReasons.UnknownTag)]
    [InlineData("VMRE-V1|3f2a9c1b|0123456789ABCDEF0123", VoidingNoticeReasons.FieldCount)]
    [InlineData("VMRE-V1|3f2a9c1b|0123456789ABCDEF0123|REJECTED|", VoidingNoticeReasons.FieldCount)]
    [InlineData("VMRE-V1|3F2A9C1B|0123456789ABCDEF0123|REJECTED", VoidingNoticeReasons.BadElection)]
    [InlineData("VMRE-V1|3f2a9c1|0123456789ABCDEF0123|REJECTED", VoidingNoticeReasons.BadElection)]
    [InlineData("VMRE-V1|3f2a9c1b|0123456789abcdef0123|REJECTED", VoidingNoticeReasons.BadTestigoId)]
    [InlineData("VMRE-V1|3f2a9c1b|0123456789ABCDEF012|REJECTED", VoidingNoticeReasons.BadTestigoId)]
    [InlineData("VMRE-V1|3f2a9c1b|0123456789ABCDEF0123|rejected", VoidingNoticeReasons.UnknownReason)]
    [InlineData("VMRE-V1|3f2a9c1b|0123456789ABCDEF0123|2", VoidingNoticeReasons.UnknownReason)]
    [InlineData("VMRE-V1|3f2a9c1b|0123456789ABCDEF0123|", VoidingNoticeReasons.UnknownReason)]
    [InlineData("VMRE-V1|3f2a9c1b|0123456789ABCDEF0123|REJECTED ", VoidingNoticeReasons.UnknownReason)]
    public void Malformed_texts_are_refused_with_a_reason(string? text, string reason)
    {
        var r = VoidingNoticeDecoder.Decode(text!);
        Assert.False(r.Ok);
        Assert.Equal(reason, r.Reason);
        Assert.Null(r.Payload);
    }

    [Fact]
    public void Encoder_throws_on_invalid_fields()
    {
        Assert.Throws<InvalidOperationException>(() => new VoidingNoticePayload("3F2A9C1B", "0123456789ABCDEF0123", VoidReason.PowerLoss).Encode());
        Assert.Throws<InvalidOperationException>(() => new VoidingNoticePayload("3f2a9c1b", null!, VoidReason.PowerLoss).Encode());
        var bad = new VoidingNoticePayload("3f2a9c1b", "0123456789ABCDEF0123", (VoidReason)9);
        Assert.Equal(VoidingNoticeReasons.UnknownReason, bad.Validate());
        Assert.Throws<InvalidOperationException>(() => bad.Encode());
    }

    static readonly Gen<string> Hex8 = Gen.Char["0123456789abcdef"].Array[8].Select(c => new string(c));
    static readonly Gen<string> Hex20 = Gen.Char["0123456789ABCDEF"].Array[20].Select(c => new string(c));

    [Fact]
    public void Every_valid_payload_round_trips() =>
        Gen.Select(Hex8, Hex20, Gen.Int[0, 5]).Sample((e, t, r) =>
        {
            var text = new VoidingNoticePayload(e, t, (VoidReason)r).Encode();
            var back = VoidingNoticeDecoder.Decode(text);
            Assert.True(back.Ok);
            Assert.Equal(text, back.Payload.Encode());
        }, iter: 2000);

    [Fact]
    public void Arbitrary_and_mutated_texts_never_throw() =>
        Gen.Select(Gen.String, Gen.Int[0, 45], Gen.Char).Sample((junk, at, c) =>
        {
            var mutated = Golden.Remove(at, 1).Insert(at, c.ToString());
            foreach (var text in new[] { junk, mutated, Golden + junk })
            {
                var r = VoidingNoticeDecoder.Decode(text);
                Assert.Equal(r.Ok, r.Reason == null);
                if (r.Ok) Assert.Equal(text, r.Payload.Encode());
            }
        }, iter: 3000);
}
