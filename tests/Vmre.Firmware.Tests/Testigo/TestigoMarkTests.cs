using CsCheck;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;
using Vmre.Firmware.Tests.Support;

namespace Vmre.Firmware.Tests.Testigo;

public class TestigoMarkTests
{
    [Fact]
    public void Acceptance_mark_is_the_golden_text() =>
        Assert.Equal("VMRE-M1|EMITIDO", TestigoMark.Accepted().Encode());

    [Theory]
    [InlineData(VoidReason.PrinterFault, "VMRE-M1|ANULADO|PRINTER")]
    [InlineData(VoidReason.CoverOpened, "VMRE-M1|ANULADO|COVER")]
    [InlineData(VoidReason.VoterRejected, "VMRE-M1|ANULADO|REJECTED")]
    [InlineData(VoidReason.VoterTimeout, "VMRE-M1|ANULADO|TIMEOUT")]
    [InlineData(VoidReason.PowerLoss, "VMRE-M1|ANULADO|POWER")]
    [InlineData(VoidReason.OfficialCancelled, "VMRE-M1|ANULADO|OFFICIAL")]
    public void Void_mark_names_its_reason_and_decodes_back(VoidReason reason, string text)
    {
        Assert.Equal(text, TestigoMark.Voided(reason).Encode());
        var r = TestigoMarkDecoder.Decode(text);
        Assert.True(r.Ok, r.Reason);
        Assert.Equal(TestigoMarkKind.Voided, r.Mark.Kind);
        Assert.Equal(reason, r.Mark.Reason);
    }

    [Fact]
    public void Acceptance_mark_decodes_as_accepted()
    {
        var r = TestigoMarkDecoder.Decode("VMRE-M1|EMITIDO");
        Assert.True(r.Ok, r.Reason);
        Assert.Equal(TestigoMarkKind.Accepted, r.Mark.Kind);
    }

    [Theory]
    [InlineData(null, TestigoMarkReasons.Empty)]
    [InlineData("", TestigoMarkReasons.Empty)]
    [InlineData("VMRE-M1|ANULADO|REJECTED|REJECTED|REJECTED", TestigoMarkReasons.TooLong)]
    [InlineData("VMRE-M2|EMITIDO", TestigoMarkReasons.UnknownTag)]
    [InlineData("vmre-m1|EMITIDO", TestigoMarkReasons.UnknownTag)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=PAN", TestigoMarkReasons.UnknownTag)]
    [InlineData("VMRE-M1", TestigoMarkReasons.FieldCount)]
    [InlineData("VMRE-M1|EMITIDO|", TestigoMarkReasons.FieldCount)]
    [InlineData("VMRE-M1|EMITIDO|PRINTER", TestigoMarkReasons.FieldCount)]
    [InlineData("VMRE-M1|ANULADO", TestigoMarkReasons.FieldCount)]
    [InlineData("VMRE-M1|ANULADO|POWER|X", TestigoMarkReasons.FieldCount)]
    [InlineData("VMRE-M1|emitido", TestigoMarkReasons.UnknownVerdict)]
    [InlineData("VMRE-M1|EMITIDA", TestigoMarkReasons.UnknownVerdict)]
    [InlineData("VMRE-M1|", TestigoMarkReasons.UnknownVerdict)]
    [InlineData("VMRE-M1|ANULADO|", TestigoMarkReasons.UnknownReason)]
    [InlineData("VMRE-M1|ANULADO|power", TestigoMarkReasons.UnknownReason)]
    [InlineData("VMRE-M1|ANULADO|JAM", TestigoMarkReasons.UnknownReason)]
    public void Refuses_with_a_specific_reason(string? text, string reason)
    {
        var r = TestigoMarkDecoder.Decode(text!);
        Assert.False(r.Ok);
        Assert.Equal(reason, r.Reason);
        Assert.Null(r.Mark);
    }

    [Fact]
    public void An_undefined_void_reason_is_a_programming_error() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TestigoMark.Voided((VoidReason)6));

    [Fact]
    public void Only_the_seven_canonical_texts_decode() =>
        Generators.Mutated(Gen.OneOfConst(
                "VMRE-M1|EMITIDO", "VMRE-M1|ANULADO|PRINTER", "VMRE-M1|ANULADO|COVER", "VMRE-M1|ANULADO|REJECTED",
                "VMRE-M1|ANULADO|TIMEOUT", "VMRE-M1|ANULADO|POWER", "VMRE-M1|ANULADO|OFFICIAL"))
            .Sample(s =>
            {
                var r = TestigoMarkDecoder.Decode(s);
                if (r.Ok) Assert.Equal(s, r.Mark.Encode());
                else Assert.False(string.IsNullOrEmpty(r.Reason));
            }, iter: 3000);

    [Fact]
    public void Decoder_never_throws_on_arbitrary_strings() =>
        Gen.String.Sample(s => { TestigoMarkDecoder.Decode(s); }, iter: 3000);
}
