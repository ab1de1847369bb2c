using Vmre.Common.Serialization;
using Vmre.Common.Protocol;
using Vmre.Firmware.Printing;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// The checks every fault case ends with (issue 3): the vote is sealed exactly when its testigo
/// printed whole, the paper recount agrees with the store, and the log says what happened without
/// a testigo id or a selection (rules.md R3).
/// </summary>
public static class FaultChecks
{
    public const string Style = "E05", Contest = "GOB-05", Party = "MORENA";

    public static SelectionRequest Marks(string party = Party) => new([new ContestSelection(Contest, [party], null)]);

    /// <summary>Paper recount (rules.md R1): testigos in the tray not named by a voiding notice are exactly the sealed votes.</summary>
    public static void PaperReconcilesWithStore(BoothRig rig, int papers)
    {
        var tray = rig.Tray.WaitFor(papers);
        Assert.Equal(papers, rig.Tray.Settled().Count);
        var sealedIds = rig.Store.SealedVotes().Select(v => v.TestigoId).Order().ToArray();
        Assert.Equal(sealedIds, PaperReading.UnvoidedTestigoIds(tray));
        Assert.Empty(rig.Store.NoticesOwed());
        Assert.Empty(rig.Store.UnfinishedTestigos());
    }

    /// <summary>Every testigo id ever printed and every marked party stay out of the event log.</summary>
    public static void LogKeepsTheSecrets(BoothRig rig, params string[] parties)
    {
        var log = rig.LogText;
        foreach (var reading in PaperReading.All(rig.Tray.Papers))
        {
            if (reading.TestigoId is { } id) Assert.DoesNotContain(id, log, StringComparison.OrdinalIgnoreCase);
            if (reading.Notice is { } notice) Assert.DoesNotContain(notice.TestigoId, log, StringComparison.OrdinalIgnoreCase);
        }
        foreach (var party in parties.Append(Party)) Assert.DoesNotContain(party, log, StringComparison.Ordinal);
        Assert.True(Vmre.Common.Logging.EventLogVerifier.VerifyFile(rig.LogPath).IsOk);
    }

    /// <summary>The voiding notice on this paper, decoded from its printed QR.</summary>
    public static VoidingNoticePayload NoticeOn(Vmre.HardwareSim.Printer.PrintedPaper paper)
    {
        var reading = PaperReading.Of(paper);
        Assert.NotNull(reading.Notice);
        Assert.Contains("TESTIGO ANULADO", paper.Text); // VoidingNoticeLayout retired (issue 9)
        return reading.Notice!;
    }

    /// <summary>The official comes: card on the reader, PIN on the screen.</summary>
    public static Parsed<string> OfficialClears(BoothRig rig)
    {
        rig.PresentCard(TestElection.PresidenteCard);
        return rig.Booth.Officials.ClearFault(TestElection.PresidentePin);
    }

    /// <summary>After a cleared interruption the marks are still there; the voter reviews them again, confirms and accepts.</summary>
    public static string VoterConfirmsAgainAndSeals(BoothRig rig)
    {
        var kept = rig.Booth.Voter.CurrentReview();
        Assert.True(kept.IsOk, kept.Error);
        Assert.Contains("MORENA", kept.Value!.Lines.Single().Selection);
        Assert.True(rig.Booth.Voter.Select(Marks()).IsOk);
        var confirmed = rig.Booth.Voter.Confirm();
        Assert.True(confirmed.IsOk, confirmed.Error);
        Assert.True(rig.Booth.Voter.Accept().IsOk);
        return Assert.Single(rig.Store.SealedVotes()).TestigoId;
    }
}
