using System.Text.Json;
using Vmre.Common.Closing;
using Vmre.Common.Serialization;
using Vmre.ModuleServer.Counting;
using Vmre.Provisioning.ElectionPackages;

namespace Vmre.Formats.Tests;

/// <summary>
/// `vmre-closing-record/4` (docs/formats/closing-record.md): the v3 vector with
/// <c>storeFindings</c> added (issue 10 point 2), byte for byte as the terminal writes it.
/// </summary>
public class ClosingRecordV4VectorTests
{
    private const string Vector = "closing-record-v4.payload.json";
    private static ClosingRecord Record => Vectors.Parse<ClosingRecord>(Vector);

    [Fact]
    public void The_v4_record_adds_store_findings_last_empty_for_a_whole_store()
    {
        using var doc = JsonDocument.Parse(Vectors.Bytes(Vector));
        var names = doc.RootElement.EnumerateObject().Select(p => p.Name).ToArray();
        Assert.Equal(["format", "terminalId", "moduleId", "packageHash", "utc", "local", "commandNonce", "votesSealed",
            "testigosPrinted", "testigosVoided", "activationsRedeemed", "contests", "logHead", "sessionsWithoutVote",
            "votesByStyle", "voidMarksOwed", "acceptanceMarksOwed", "acceptanceMarksTorn", "storeFindings"], names);
        Assert.Equal("vmre-closing-record/4", Record.Format);
        Assert.Equal(ClosingRecord.FormatV4, Record.Format);
        Assert.Empty(Record.StoreFindings!);
        Assert.Equal(Vectors.Text(Vector).TrimEnd('\n'), VmreJson.Text(Record));
    }

    [Fact]
    public void The_module_server_counts_the_vector_against_the_demo_package_styles()
    {
        var count = new ClosingCount(DemoElection.Pel2023());
        Assert.Null(count.Add(Record));
        Assert.Equal(new Dictionary<string, int> { ["05"] = 3, ["15"] = 8 }, count.VotesByStyle);
    }

    [Fact]
    public void The_vector_with_one_vote_moved_to_another_style_is_refused()
    {
        var moved = Record with { VotesByStyle = [new StyleVotes("05", 4), new StyleVotes("15", 7)] };
        Assert.Equal("contest GOB-05 has 3 votes, fewer than the 4 votes of the ballot styles that carry it (each vote has one entry per contest of its style)",
            new ClosingCount(DemoElection.Pel2023()).Add(moved));
    }

    [Fact]
    public void A_finding_is_written_as_code_and_detail()
    {
        var withFinding = Record with { StoreFindings = [new IntegrityFinding("rollback", "header epoch 3, NV counter 5")] };
        Assert.EndsWith("\"storeFindings\":[{\"code\":\"rollback\",\"detail\":\"header epoch 3, NV counter 5\"}]}", VmreJson.Text(withFinding));
    }
}
