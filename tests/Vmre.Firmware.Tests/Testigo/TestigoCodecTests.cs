using Vmre.Firmware.Testigo;

namespace Vmre.Firmware.Tests.Testigo;

public class TestigoCodecTests
{
    const string Golden = "VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB-05=PAN+PRI;DIP-01=-;AYU-1=CNR:JOSÉ PÉREZ ÑÚÑEZ";

    static TestigoPayload Sample() => new(
        "3f2a9c1b", "05", "0123456789ABCDEF0123",
        new[]
        {
            ContestMarks.Parties("GOB-05", "PRI", "PAN"),
            ContestMarks.Nothing("DIP-01"),
            ContestMarks.WriteIn("AYU-1", "JOSÉ PÉREZ ÑÚÑEZ"),
        });

    [Fact]
    public void Encodes_golden_vector_with_sorted_parties() => Assert.Equal(Golden, Sample().Encode());

    [Fact]
    public void Golden_vector_utf8_bytes()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Golden);
        Assert.Equal(bytes, Vmre.Firmware.Text.Utf8.GetBytes(Golden));
        Assert.Equal(96, bytes.Length);
    }

    [Fact]
    public void Decodes_golden_vector()
    {
        var r = TestigoDecoder.Decode(Golden);
        Assert.True(r.Ok, r.Reason);
        var p = r.Payload;
        Assert.Equal("3f2a9c1b", p.ElectionHashPrefix);
        Assert.Equal("05", p.BallotStyle);
        Assert.Equal("0123456789ABCDEF0123", p.TestigoId);
        Assert.Equal(3, p.Contests.Length);
        Assert.Equal(MarkKind.Parties, p.Contests[0].Kind);
        Assert.Equal(new[] { "PAN", "PRI" }, p.Contests[0].PartyCodes);
        Assert.Equal(MarkKind.Nothing, p.Contests[1].Kind);
        Assert.Equal("DIP-01", p.Contests[1].ContestId);
        Assert.Equal(MarkKind.WriteIn, p.Contests[2].Kind);
        Assert.Equal("JOSÉ PÉREZ ÑÚÑEZ", p.Contests[2].WriteInName);
    }

    [Fact]
    public void Single_party_single_contest() =>
        Assert.Equal("VMRE-T1|00000000|15|FFFFFFFFFFFFFFFFFFFF|GOB=MORENA",
            new TestigoPayload("00000000", "15", "FFFFFFFFFFFFFFFFFFFF", new[] { ContestMarks.Parties("GOB", "MORENA") }).Encode());

    [Theory]
    [InlineData(null, TestigoReasons.Empty)]
    [InlineData("", TestigoReasons.Empty)]
    [InlineData("VMRE-T2|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PAN", TestigoReasons.UnknownTag)]
    [InlineData("vmre-t1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PAN", TestigoReasons.UnknownTag)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123", TestigoReasons.FieldCount)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PAN|X", TestigoReasons.FieldCount)]
    [InlineData("VMRE-T1|3F2A9C1B|05|0123456789ABCDEF0123|GOB=PAN", TestigoReasons.BadElection)]
    [InlineData("VMRE-T1|3f2a9c1|05|0123456789ABCDEF0123|GOB=PAN", TestigoReasons.BadElection)]
    [InlineData("VMRE-T1|3f2a9c1b||0123456789ABCDEF0123|GOB=PAN", TestigoReasons.BadStyle)]
    [InlineData("VMRE-T1|3f2a9c1b|abc|0123456789ABCDEF0123|GOB=PAN", TestigoReasons.BadStyle)]
    [InlineData("VMRE-T1|3f2a9c1b|123456789|0123456789ABCDEF0123|GOB=PAN", TestigoReasons.BadStyle)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789abcdef0123|GOB=PAN", TestigoReasons.BadTestigoId)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF012|GOB=PAN", TestigoReasons.BadTestigoId)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|", TestigoReasons.ContestCount)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|A=-;B=-;C=-;D=-;E=-;F=-;G=-;H=-;I=-", TestigoReasons.ContestCount)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB", TestigoReasons.BadContestEntry)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PAN;", TestigoReasons.BadContestEntry)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|=PAN", TestigoReasons.BadContestId)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|gob=PAN", TestigoReasons.BadContestId)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|ABCDEFGHIJKLMNOPQ=PAN", TestigoReasons.BadContestId)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PAN;GOB=PRI", TestigoReasons.DuplicateContest)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=", TestigoReasons.EmptyMarks)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=CNR:", TestigoReasons.BadWriteInName)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=CNR:Juan", TestigoReasons.BadWriteInName)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=CNR:JUAN2", TestigoReasons.BadWriteInName)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=CNR:ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJA", TestigoReasons.BadWriteInName)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=CNR: JUAN", TestigoReasons.WriteInSpacing)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=CNR:JUAN ", TestigoReasons.WriteInSpacing)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=CNR:JUAN  PEREZ", TestigoReasons.WriteInSpacing)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=pan", TestigoReasons.BadPartyCode)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PAN+", TestigoReasons.BadPartyCode)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=P-N", TestigoReasons.BadPartyCode)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=ABCDEFGHIJK", TestigoReasons.BadPartyCode)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PAN+PAN", TestigoReasons.DuplicateParty)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PRI+PAN", TestigoReasons.NotCanonical)]
    public void Rejects_with_specific_reason(string? text, string reason)
    {
        var r = TestigoDecoder.Decode(text!);
        Assert.False(r.Ok);
        Assert.Equal(reason, r.Reason);
        Assert.Null(r.Payload);
    }

    [Fact]
    public void Rejects_over_512_bytes()
    {
        // 8 contests of 60 chars of Ñ (2 bytes each) -> well under 512 chars, over 512 bytes.
        var name = string.Join(" ", Enumerable.Repeat("ÑÑÑÑÑÑÑÑÑ", 4));
        var text = "VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|" +
                   string.Join(";", Enumerable.Range(0, 8).Select(i => $"C{i}=CNR:{name}"));
        Assert.True(text.Length <= 512);
        Assert.Equal(TestigoReasons.TooLong, TestigoDecoder.Decode(text).Reason);
        Assert.Equal(TestigoReasons.TooLong, TestigoDecoder.Decode(new string('A', 513)).Reason);
    }

    [Fact]
    public void Encoder_refuses_invalid_payload_by_throwing()
    {
        var p = new TestigoPayload("3f2a9c1b", "05", "short", new[] { ContestMarks.Nothing("GOB") });
        Assert.Equal(TestigoReasons.BadTestigoId, p.Validate());
        Assert.Throws<InvalidOperationException>(() => p.Encode());
        var dup = new TestigoPayload("3f2a9c1b", "05", "0123456789ABCDEF0123", new[] { ContestMarks.Parties("GOB", "PAN", "PAN") });
        Assert.Equal(TestigoReasons.DuplicateParty, dup.Validate());
    }

    [Fact]
    public void Payload_is_immutable_from_outside()
    {
        var codes = new[] { "PRI", "PAN" };
        var marks = ContestMarks.Parties("GOB", codes);
        codes[0] = "XXX";
        marks.PartyCodes[0] = "YYY";
        Assert.Equal(new[] { "PRI", "PAN" }, marks.PartyCodes);
    }
}
