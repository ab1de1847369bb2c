using System.Text;
using Vmre.Common.Closing;
using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Closing;

/// <summary>
/// Issue 9 point 6 at the terminal: the closing record v3 is built from the sealed votes, each
/// decoded from its testigo text and counted per contest and per ballot style; a write-in is
/// counted on CNR and its name goes into nothing the close writes or prints.
/// </summary>
public sealed class ClosingRecordV3Tests : IDisposable
{
    private const string WriteIn = "ZAPATERO QUINTANILLA";
    private readonly BoothRig _rig = new();

    private ClosingRecord Close()
    {
        Assert.True(_rig.Desk.Handle(_rig.Command(ModuleCommandKind.ZeroReport)).IsOk);
        _rig.Vote("E05", ("GOB-05", [], WriteIn));
        _rig.Vote("E05", ("GOB-05", ["MORENA"], null));
        _rig.Vote("E15", ("GOB-15", ["PAN"], null));
        var result = _rig.Desk.Handle(_rig.Command(ModuleCommandKind.Close));
        Assert.True(result.IsOk, result.Error);
        _signedBytes = result.Value!.PayloadBytes();
        return result.Value.Open<ClosingRecord>(DocumentKinds.ClosingRecord, PublicKey.FromPem(_rig.DeviceKey.PublicKeyPem)).ValueOrThrow();
    }

    private byte[] _signedBytes = [];

    [Fact]
    public void The_record_is_v3_with_votes_per_ballot_style_in_package_order_and_no_marks_owed()
    {
        var record = Close();
        Assert.Equal(ClosingRecord.FormatV4, record.Format);
        Assert.Empty(record.StoreFindings!); // issue 10 point 2: a whole store
        Assert.Equal([new StyleVotes("E05", 2), new StyleVotes("E15", 1)], record.VotesByStyle!);
        Assert.Equal(record.VotesSealed, record.VotesByStyle!.Sum(s => s.Votes));
        Assert.Equal((0, 0), (record.VoidMarksOwed, record.AcceptanceMarksOwed));
        Assert.Equal(1, record.Contests.Single(c => c.ContestId == "GOB-05").Lines.Single(l => l.Key == "CNR").Count);
        Assert.Equal(2, record.Contests.Single(c => c.ContestId == "GOB-05").Total);
        Assert.Equal(1, record.Contests.Single(c => c.ContestId == "GOB-15").Total);
        var text = Encoding.UTF8.GetString(_signedBytes);
        Assert.Contains("\"votesByStyle\":[{\"style\":\"E05\",\"votes\":2},{\"style\":\"E15\",\"votes\":1}],\"voidMarksOwed\":0,\"acceptanceMarksOwed\":0,\"acceptanceMarksTorn\":0,\"storeFindings\":[]}", text);
    }

    [Fact]
    public void The_printed_closing_record_shows_the_votes_per_ballot_style()
    {
        Close();
        var paper = _rig.Tray.WaitFor(5)[^1];
        Assert.Contains("Boleta E05", paper.Text);
        Assert.Contains("Boleta E15", paper.Text);
    }

    [Fact]
    public void A_write_in_name_is_in_no_closing_record_paper_log_or_seal()
    {
        Close();
        var papers = _rig.Tray.WaitFor(5);
        // The voter's own testigo shows the name (rules.md R1); nothing the close produces does.
        Assert.Contains(papers, p => p.Text.Contains(WriteIn));
        Assert.DoesNotContain(WriteIn, papers[^1].Text);
        Assert.DoesNotContain("ZAPATERO", Encoding.UTF8.GetString(_signedBytes));
        foreach (var file in new[] { _rig.LogPath, Path.Combine(_rig.DataDir, "events.seal.json") })
            Assert.DoesNotContain("ZAPATERO", File.ReadAllText(file));
    }

    public void Dispose() => _rig.Dispose();
}
