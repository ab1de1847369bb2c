using Vmre.Audit.Paper;
using Vmre.Firmware.Session;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Votes;
using static Vmre.Terminal.Tests.Faults.FaultChecks;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Issue 3, cases 1 and 3 (before the ticket): the printer says it cannot print when asked before
/// the testigo is sent, so nothing reaches paper, the testigo is voided with no mark owed, and
/// the voter's session waits for an official, who can clear it only once the printer is ready.
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class PrinterNotReadyTests : BoothFaultCase
{

    public static TheoryData<string> Faults => ["PaperOut", "Offline"];

    [Theory]
    [MemberData(nameof(Faults))]
    public void A_printer_not_ready_before_the_testigo_voids_it_without_a_mark_and_the_vote_seals_after_an_official_clears(string fault)
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Break(fault);

        var confirm = Booth.Voter.Confirm();
        Assert.False(confirm.IsOk);
        Assert.Equal(VoterAtBooth.TestigoRefusedByPrinter + "printer not ready: " + fault, confirm.Error);
        Assert.Equal(SessionState.Interrupted, Booth.View.State);
        Assert.Empty(Rig.Store.SealedVotes());
        Assert.Equal(1, Rig.Store.CountInState("voided"));
        Assert.Equal(0, Rig.Vault.Testigos().VoidMarksOwed); // nothing reached paper: nothing to void on paper
        Assert.Empty(Rig.Tray.Settled());
        Assert.True(Rig.Lights.Last!.Fault);
        Assert.Contains("NOT recorded", Booth.View.Message);
        Assert.Contains(Booth.View.Alerts.Recent(), a => a.Contains("no se imprimió testigo") && a.Contains(fault));
        Assert.Contains("\"testigo-print-failed\"", Rig.LogText);
        Assert.Contains("\"testigo-voided:PRINTER\":\"1\"", Rig.LogText);

        var refused = OfficialClears(Rig);
        Assert.False(refused.IsOk);
        Assert.Equal("the printer is still not ready: printer status " + fault, refused.Error);
        Assert.Equal(SessionState.Interrupted, Booth.View.State);
        Assert.Contains("\"fault-not-cleared\"", Rig.LogText);

        Repair(fault);
        var cleared = OfficialClears(Rig);
        Assert.True(cleared.IsOk, cleared.Error);
        Assert.Equal(SessionState.Selecting, Booth.View.State);
        Assert.Null(Booth.View.Message);
        Assert.Contains("\"fault-cleared\"", Rig.LogText);

        VoterConfirmsAgainAndSeals(Rig);
        var paper = Rig.Tray.WaitFor(1).Single();
        Assert.False(paper.Torn);
        var qr = Assert.Single(QrImageDecoder.Decode(paper.Png));
        var decoded = TestigoDecoder.Decode(qr);
        Assert.True(decoded.Ok, decoded.Reason);
        Assert.Equal([Party], decoded.Payload.Contests.Single().PartyCodes);
        Assert.Equal(qr, Assert.Single(Rig.Vault.OpenAll()));
        AcceptedOn(paper);
        Assert.Equal(SessionState.Idle, Booth.View.State);
        Assert.True(Rig.Lights.Last!.Ready);
        PaperReconcilesWithStore(Rig, papers: 1);
        LogKeepsTheSecrets(Rig);
    }

    private void Break(string fault)
    {
        if (fault == "PaperOut") Rig.Printer.PaperOut();
        else Rig.Printer.GoOffline();
    }

    private void Repair(string fault)
    {
        if (fault == "PaperOut") Rig.Printer.PaperLoaded();
        else Rig.Printer.GoOnline();
    }
}
