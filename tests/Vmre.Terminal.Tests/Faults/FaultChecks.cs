using Vmre.Common.Serialization;
using Vmre.Common.Protocol;
using Vmre.Firmware.Printing;
using Vmre.HardwareSim.Printer;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// The checks every fault case ends with (issue 3, issue 9): the vote is sealed exactly when its
/// testigo printed whole and the voter accepted it, the paper recount (papers with the VOTO EMITIDO
/// mark and no ANULADO) gives exactly the sealed votes, no mark is left owed, and the log says what
/// happened without a selection and without a timed line per voter step (rules.md R3, issue 9 point 3).
/// </summary>
public static class FaultChecks
{
    public const string Style = "E05", Contest = "GOB-05", Party = "MORENA";

    /// <summary>Voters' steps: counted on voter-activity lines, never logged one by one with a time (design section 4).</summary>
    public static readonly string[] VoterSteps =
    [
        "activation-redeemed", "testigo-printed", "vote-sealed", "testigo-voided", "testigo-rejected",
        "session-cancelled", "session-timed-out", "confirm-button", "acceptance-mark-printed", "void-mark-printed",
        "confirm-refused", "accept-refused", "reject-refused", "cancel-refused", "activation-refused",
    ];

    public static SelectionRequest Marks(string party = Party) => new([new ContestSelection(Contest, [party], null)]);

    /// <summary>Paper recount (rules.md R1): the papers that count carry exactly the sealed votes' payloads.</summary>
    public static void PaperReconcilesWithStore(BoothRig rig, int papers)
    {
        var tray = rig.Tray.WaitFor(papers);
        Assert.Equal(papers, rig.Tray.Settled().Count);
        var sealedPayloads = rig.Vault.OpenAll().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(sealedPayloads, PaperReading.CountedPayloads(tray));
        var owed = rig.Vault.Testigos();
        Assert.Equal((0, 0), (owed.VoidMarksOwed, owed.AcceptanceMarksOwed));
        Assert.Empty(rig.Store.UnfinishedTestigos());
    }

    /// <summary>Every marked party stays out of the event log, and no voter step has a timed line of its own.</summary>
    public static void LogKeepsTheSecrets(BoothRig rig, params string[] parties)
    {
        var log = rig.LogText;
        foreach (var party in parties.Append(Party)) Assert.DoesNotContain(party, log, StringComparison.Ordinal);
        foreach (var step in VoterSteps) Assert.DoesNotContain($"\"event\":\"{step}\"", log, StringComparison.Ordinal);
        Assert.True(Vmre.Common.Logging.EventLogVerifier.VerifyFile(rig.LogPath).IsOk);
    }

    /// <summary>
    /// A voided testigo: ANULADO with its reason (words and Code128) on the paper, and the selection
    /// no longer readable: neither its words in the text a person reads nor its QR in the image.
    /// </summary>
    public static PaperReading VoidedOn(PrintedPaper paper, VoidReason reason)
    {
        var reading = PaperReading.Of(paper);
        Assert.True(reading.Voided, paper.Text);
        Assert.Equal(reason, reading.VoidedFor);
        Assert.Contains(VoidReasonCodes.SpanishOf(reason), paper.Text);
        Assert.False(reading.Accepted);
        Assert.False(reading.CountsAsVote);
        Assert.Null(reading.Testigo); // the QR is under the band
        foreach (var words in new[] { Party, "Candidat" }) Assert.DoesNotContain(words, paper.Text, StringComparison.Ordinal);
        return reading;
    }

    /// <summary>A cast vote's paper: the whole testigo, then VOTO EMITIDO (words and Code128), no ANULADO.</summary>
    public static PaperReading AcceptedOn(PrintedPaper paper)
    {
        var reading = PaperReading.Of(paper);
        Assert.True(reading.CountsAsVote, paper.Text);
        Assert.True(paper.Text.IndexOf(TestigoLayout.LastLine, StringComparison.Ordinal)
            < paper.Text.IndexOf(TestigoLayout.AcceptedTitle, StringComparison.Ordinal));
        return reading;
    }

    /// <summary>The official comes: card on the reader, PIN on the screen.</summary>
    public static Parsed<string> OfficialClears(BoothRig rig)
    {
        rig.PresentCard(TestElection.PresidenteCard);
        return rig.Booth.Officials.ClearFault(TestElection.PresidentePin);
    }

    /// <summary>After a cleared interruption the marks are still there; the voter reviews them again, confirms and accepts.</summary>
    public static void VoterConfirmsAgainAndSeals(BoothRig rig)
    {
        var kept = rig.Booth.Voter.CurrentReview();
        Assert.True(kept.IsOk, kept.Error);
        Assert.Contains("MORENA", kept.Value!.Lines.Single().Selection);
        Assert.True(rig.Booth.Voter.Select(Marks()).IsOk);
        var confirmed = rig.Booth.Voter.Confirm();
        Assert.True(confirmed.IsOk, confirmed.Error);
        Assert.True(rig.Booth.Voter.Accept().IsOk);
        Assert.Single(rig.Store.SealedVotes());
    }
}
