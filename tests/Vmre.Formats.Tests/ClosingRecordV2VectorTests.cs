using System.Text.Json;
using Vmre.Common.Closing;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-closing-record/2` (docs/formats/closing-record.md): the payload terminal T-CHI-01 signed in
/// a `./vmre demo` run whose day had a jam and a power cut at that terminal (two testigos voided, one session without a vote).
/// Version 2 adds `sessionsWithoutVote`; the reconciliation it serves must hold on the vector.
/// </summary>
public class ClosingRecordV2VectorTests
{
    private static ClosingRecord Record => Vectors.Parse<ClosingRecord>("closing-record-v2.payload.json");

    [Fact]
    public void The_v2_record_parses_with_sessions_without_a_vote_and_reconciles()
    {
        var r = Record;
        Assert.Equal(ClosingRecord.FormatV2, r.Format);
        Assert.Equal("vmre-closing-record/2", r.Format);
        Assert.Equal((11, 13, 2, 12, 1), (r.VotesSealed, r.TestigosPrinted, r.TestigosVoided, r.ActivationsRedeemed, r.SessionsWithoutVote));
        Assert.Equal(r.ActivationsRedeemed, r.VotesSealed + r.SessionsWithoutVote);
        Assert.Equal(r.TestigosPrinted, r.VotesSealed + r.TestigosVoided);
        Assert.Equal(r.VotesSealed, r.Contests.Sum(c => c.Lines.Sum(l => l.Count)));
    }

    [Fact]
    public void The_new_field_is_last_and_named_as_documented()
    {
        using var doc = JsonDocument.Parse(Vectors.Bytes("closing-record-v2.payload.json"));
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["format", "terminalId", "moduleId", "packageHash", "utc", "local", "commandNonce", "votesSealed",
            "testigosPrinted", "testigosVoided", "activationsRedeemed", "contests", "logHead", "sessionsWithoutVote"], names);
    }

    [Fact]
    public void The_v1_vector_still_reads_as_v1_with_no_sessions_field()
    {
        var v1 = Vectors.Parse<ClosingRecord>("closing-record.payload.json");
        Assert.Equal(ClosingRecord.FormatV1, v1.Format);
        Assert.Equal(0, v1.SessionsWithoutVote);
    }
}
