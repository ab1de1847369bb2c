using Vmre.Firmware.Testigo;

namespace Vmre.Firmware.Tests.Testigo;

public class TestigoCodecTests
{
    const string Golden = "VMRE-T2|3f2a9c1b|05|GOB-05=PAN+PRI;DIP-01=-;AYU-1=CNR:JOS%C3%89 P%C3%89REZ %C3%91%C3%9A%C3%91EZ";

    /// <summary>The v1 golden vector of docs/formats/testigo-qr.md, kept for the record.</summary>
    const string GoldenV1 = "VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB-05=PAN+PRI;DIP-01=-;AYU-1=CNR:JOSÉ PÉREZ ÑÚÑEZ";

    static TestigoPayload Sample() => new(
        "3f2a9c1b", "05",
        new[]
        {
            ContestMarks.Parties("GOB-05", "PRI", "PAN"),
            ContestMarks.Nothing("DIP-01"),
            ContestMarks.WriteIn("AYU-1", "JOSÉ PÉREZ ÑÚÑEZ"),
        });

    [Fact]
    public void Encodes_golden_vector_with_sorted_parties_and_percent_encoded_write_in() => Assert.Equal(Golden, Sample().Encode());

    [Fact]
    public void Golden_vector_is_ascii_so_its_bytes_are_its_chars()
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(Golden);
        Assert.Equal(bytes, System.Text.Encoding.ASCII.GetBytes(Golden));
        Assert.Equal(Golden.Length, bytes.Length);
        Assert.Equal(95, bytes.Length);
    }

    [Fact]
    public void Decodes_golden_vector_with_the_write_in_name_decoded()
    {
        var r = TestigoDecoder.Decode(Golden);
        Assert.True(r.Ok, r.Reason);
        var p = r.Payload;
        Assert.Equal("3f2a9c1b", p.ElectionHashPrefix);
        Assert.Equal("05", p.BallotStyle);
        Assert.Equal(3, p.Contests.Length);
        Assert.Equal(MarkKind.Parties, p.Contests[0].Kind);
        Assert.Equal(new[] { "PAN", "PRI" }, p.Contests[0].PartyCodes);
        Assert.Equal(MarkKind.Nothing, p.Contests[1].Kind);
        Assert.Equal("DIP-01", p.Contests[1].ContestId);
        Assert.Equal(MarkKind.WriteIn, p.Contests[2].Kind);
        Assert.Equal("JOSÉ PÉREZ ÑÚÑEZ", p.Contests[2].WriteInName);
    }

    [Fact]
    public void Payload_type_has_no_member_that_could_carry_an_id()
    {
        // issue 9 point 1: a testigo id made the paper a receipt.
        var names = typeof(TestigoPayload).GetMembers().Select(m => m.Name.ToLowerInvariant()).ToArray();
        Assert.DoesNotContain(names, n => n.Contains("id") && n != "validate");
    }

    [Fact]
    public void V1_testigo_is_refused_by_name()
    {
        var r = TestigoDecoder.Decode(GoldenV1);
        Assert.False(r.Ok);
        Assert.Equal(TestigoReasons.RetiredT1, r.Reason);
        Assert.Equal("testigo format VMRE-T1 carries a testigo id and is no longer accepted; this reader reads VMRE-T2", r.Reason);
    }

    [Fact]
    public void Single_party_single_contest() =>
        Assert.Equal("VMRE-T2|00000000|15|GOB=MORENA",
            new TestigoPayload("00000000", "15", new[] { ContestMarks.Parties("GOB", "MORENA") }).Encode());

    [Theory]
    [InlineData("Ñ", "%C3%91")]
    [InlineData("Á", "%C3%81")]
    [InlineData("É", "%C3%89")]
    [InlineData("Í", "%C3%8D")]
    [InlineData("Ó", "%C3%93")]
    [InlineData("Ú", "%C3%9A")]
    [InlineData("Ü", "%C3%9C")]
    [InlineData("ÑANDÚ ÜÉ", "%C3%91AND%C3%9A %C3%9C%C3%89")]
    public void Each_spanish_letter_is_spelled_as_its_utf8_bytes_in_uppercase_hex(string name, string wire)
    {
        var text = new TestigoPayload("00000000", "1", new[] { ContestMarks.WriteIn("GOB", name) }).Encode();
        Assert.Equal("VMRE-T2|00000000|1|GOB=CNR:" + wire, text);
        Assert.Equal(name, TestigoDecoder.Decode(text).Payload.Contests[0].WriteInName);
    }

    [Theory]
    [InlineData(null, TestigoReasons.Empty)]
    [InlineData("", TestigoReasons.Empty)]
    [InlineData("VMRE-T3|3f2a9c1b|05|GOB=PAN", TestigoReasons.UnknownTag)]
    [InlineData("VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PAN", TestigoReasons.RetiredT1)]
    [InlineData("vmre-t2|3f2a9c1b|05|GOB=PAN", TestigoReasons.UnknownTag)]
    [InlineData("VMRE-T2|3f2a9c1b|05", TestigoReasons.FieldCount)]
    [InlineData("VMRE-T2|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PAN", TestigoReasons.FieldCount)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=PAN|X", TestigoReasons.FieldCount)]
    [InlineData("VMRE-T2|3F2A9C1B|05|GOB=PAN", TestigoReasons.BadElection)]
    [InlineData("VMRE-T2|3f2a9c1|05|GOB=PAN", TestigoReasons.BadElection)]
    [InlineData("VMRE-T2|3f2a9c1b||GOB=PAN", TestigoReasons.BadStyle)]
    [InlineData("VMRE-T2|3f2a9c1b|abc|GOB=PAN", TestigoReasons.BadStyle)]
    [InlineData("VMRE-T2|3f2a9c1b|123456789|GOB=PAN", TestigoReasons.BadStyle)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOS%c3%89", TestigoReasons.WriteInLowercaseHex)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOS%C3%8f", TestigoReasons.WriteInLowercaseHex)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOS%45", TestigoReasons.WriteInEncodedAscii)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:%20JUAN", TestigoReasons.WriteInEncodedAscii)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOSÉ", TestigoReasons.NotWireChar)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOS\u0100", TestigoReasons.NotWireChar)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:A~B", TestigoReasons.NotWireChar)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOS%C3", TestigoReasons.BadWriteInEncoding)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOS%C", TestigoReasons.BadWriteInEncoding)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOS%", TestigoReasons.BadWriteInEncoding)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOS%C3%C3", TestigoReasons.BadWriteInEncoding)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOS%89", TestigoReasons.BadWriteInEncoding)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOS%C1%81", TestigoReasons.BadWriteInEncoding)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOS%E2%82%AC", TestigoReasons.BadWriteInEncoding)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JOS%G1", TestigoReasons.BadWriteInEncoding)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:GAR%C3%A7IA", TestigoReasons.BadWriteInName)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=PAN%C3%91", TestigoReasons.BadPartyCode)]
    [InlineData("VMRE-T2|3f2a9c1b|05|", TestigoReasons.ContestCount)]
    [InlineData("VMRE-T2|3f2a9c1b|05|A=-;B=-;C=-;D=-;E=-;F=-;G=-;H=-;I=-", TestigoReasons.ContestCount)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB", TestigoReasons.BadContestEntry)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=PAN;", TestigoReasons.BadContestEntry)]
    [InlineData("VMRE-T2|3f2a9c1b|05|=PAN", TestigoReasons.BadContestId)]
    [InlineData("VMRE-T2|3f2a9c1b|05|gob=PAN", TestigoReasons.NotWireChar)]
    [InlineData("VMRE-T2|3f2a9c1b|05|abc=PAN", TestigoReasons.BadContestId)]
    [InlineData("VMRE-T2|3f2a9c1b|05|ABCDEFGHIJKLMNOPQ=PAN", TestigoReasons.BadContestId)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=PAN;GOB=PRI", TestigoReasons.DuplicateContest)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=", TestigoReasons.EmptyMarks)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:", TestigoReasons.BadWriteInName)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:Juan", TestigoReasons.NotWireChar)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:Ace", TestigoReasons.BadWriteInName)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JUAN2", TestigoReasons.BadWriteInName)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:ABCDEFGHIJABCDEFGHIJABCDEFGHIJABCDEFGHIJA", TestigoReasons.BadWriteInName)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR: JUAN", TestigoReasons.WriteInSpacing)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JUAN ", TestigoReasons.WriteInSpacing)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=CNR:JUAN  PEREZ", TestigoReasons.WriteInSpacing)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=pan", TestigoReasons.NotWireChar)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=fab", TestigoReasons.BadPartyCode)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=PAN+", TestigoReasons.BadPartyCode)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=P-N", TestigoReasons.BadPartyCode)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=ABCDEFGHIJK", TestigoReasons.BadPartyCode)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=PAN+PAN", TestigoReasons.DuplicateParty)]
    [InlineData("VMRE-T2|3f2a9c1b|05|GOB=PRI+PAN", TestigoReasons.NotCanonical)]
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
        // 8 write-ins of 39 letters, Ñ percent-encoded (6 wire chars each): over 512 bytes.
        var name = string.Join(" ", Enumerable.Repeat("%C3%91%C3%91%C3%91%C3%91%C3%91%C3%91%C3%91%C3%91%C3%91", 4));
        var text = "VMRE-T2|3f2a9c1b|05|" +
                   string.Join(";", Enumerable.Range(0, 8).Select(i => $"C{i}=CNR:{name}"));
        Assert.True(text.Length > 512);
        Assert.Equal(TestigoReasons.TooLong, TestigoDecoder.Decode(text).Reason);
        Assert.Equal(TestigoReasons.TooLong, TestigoDecoder.Decode(new string('A', 513)).Reason);
    }

    [Fact]
    public void Encoder_refuses_a_selection_whose_wire_text_exceeds_512_bytes()
    {
        // 8 names of 40 Ñ-heavy letters: 320 letters but 8 x 40 x 6 wire chars.
        var name = string.Join(" ", Enumerable.Repeat("ÑÑÑÑÑÑÑÑÑ", 4));
        var p = new TestigoPayload("3f2a9c1b", "05", Enumerable.Range(0, 8).Select(i => ContestMarks.WriteIn($"C{i}", name)).ToArray());
        Assert.Equal(TestigoReasons.TooLong, p.Validate());
    }

    [Fact]
    public void Encoder_refuses_invalid_payload_by_throwing()
    {
        var p = new TestigoPayload("3f2a9c1b", "5?", new[] { ContestMarks.Nothing("GOB") });
        Assert.Equal(TestigoReasons.BadStyle, p.Validate());
        Assert.Throws<InvalidOperationException>(() => p.Encode());
        var dup = new TestigoPayload("3f2a9c1b", "05", new[] { ContestMarks.Parties("GOB", "PAN", "PAN") });
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
