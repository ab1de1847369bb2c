using Vmre.Common.Election;
using Vmre.Firmware.Testigo;
using static Vmre.Common.Tests.Support.Ballots2023;

namespace Vmre.Common.Tests.Election;

/// <summary>rules.md R1: the paper testigo and the sealed vote carry the same selection, and the paper re-counts.</summary>
public class TestigoMarkingsTests
{
    public static TheoryData<Marking> Markings() =>
    [
        Marking.Nothing(Coahuila),
        Marking.Parties(Coahuila, "PAN"),
        Marking.Parties(Coahuila, "PRD", "PAN", "PRI"),
        Marking.Parties(Mexico, "MORENA", "PT"),
        Marking.WriteIn(Coahuila, "JUAN PÉREZ"),
    ];

    [Theory]
    [MemberData(nameof(Markings))]
    public void Marking_survives_the_trip_through_contest_marks(Marking marking)
    {
        var back = TestigoMarkings.FromMarks(TestigoMarkings.ToMarks(marking));
        Assert.Equal(marking.ContestId, back.ContestId);
        Assert.Equal(marking.Kind, back.Kind);
        Assert.Equal(marking.PartyCodes, back.PartyCodes);
        Assert.Equal(marking.WriteInName, back.WriteInName);
    }

    [Theory]
    [MemberData(nameof(Markings))]
    public void Marking_survives_the_printed_qr_text(Marking marking)
    {
        var payload = new TestigoPayload("9f2c41aa", "COAH", [TestigoMarkings.ToMarks(marking)]);
        var decoded = TestigoDecoder.Decode(payload.Encode());
        Assert.True(decoded.Ok, decoded.Reason);
        var back = TestigoMarkings.FromMarks(decoded.Payload.Contests[0]);
        Assert.Equal(BallotRules.Classify(Ballots(marking.ContestId), marking), BallotRules.Classify(Ballots(back.ContestId), back));
    }

    private static Contest Ballots(string id) => Support.Ballots2023.Package().Contest(id);

    [Fact]
    public void Count_into_tallies_a_decoded_testigo()
    {
        var tally = new Tally(Support.Ballots2023.Package());
        var texts = new[]
        {
            "VMRE-T2|9f2c41aa|MEX|GOB-MEX=MORENA+PT",
            "VMRE-T2|9f2c41aa|MEX|GOB-MEX=NAEM",
            "VMRE-T2|9f2c41aa|MEX|GOB-MEX=MORENA+PAN",
            "VMRE-T2|9f2c41aa|MEX|GOB-MEX=-",
            "VMRE-T2|9f2c41aa|MEX|GOB-MEX=CNR:MAR%C3%8DA L%C3%93PEZ",
            "VMRE-T2|9f2c41aa|BOTH|GOB-COAH=PRD+PRI;GOB-MEX=MORENA+PT+PVEM",
        };
        foreach (var text in texts)
        {
            var decoded = TestigoDecoder.Decode(text);
            Assert.True(decoded.Ok, $"{text}: {decoded.Reason}");
            TestigoMarkings.CountInto(tally, decoded.Payload);
        }
        Assert.Equal(1, tally[Mexico, "PT+MORENA"]);
        Assert.Equal(1, tally[Mexico, "NAEM"]);
        Assert.Equal(2, tally[Mexico, "NULO"]);
        Assert.Equal(1, tally[Mexico, "CNR"]);
        Assert.Equal(1, tally[Mexico, "PT+PVEM+MORENA"]);
        Assert.Equal(1, tally[Coahuila, "PRI+PRD"]);
        Assert.Equal(6, tally.ToContestTallies()[1].Total);
        Assert.Equal(1, tally.ToContestTallies()[0].Total);
    }

    [Fact]
    public void Count_into_refuses_a_foreign_contest_without_counting_half_the_testigo()
    {
        var tally = new Tally(Support.Ballots2023.Package());
        var decoded = TestigoDecoder.Decode("VMRE-T2|9f2c41aa|X|GOB-MEX=PAN;GOB-JAL=PAN");
        Assert.True(decoded.Ok, decoded.Reason);
        Assert.Throws<InvalidDataException>(() => TestigoMarkings.CountInto(tally, decoded.Payload));
        Assert.Equal(0, tally[Mexico, "PAN"]);
    }
}
