using System.Text;
using Marking = Vmre.Common.Election.Marking;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Faults.FaultChecks;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Issue 3, cases 2 and 3 (mid-job); issue 9 design section 4: the printer stops inside a testigo,
/// so part of it is on paper (a torn fragment, never a vote by the counters' rule: no whole testigo,
/// no VOTO EMITIDO). The booth voids it with its void mark owed, refuses to clear while the printer
/// is still stopped, prints ANULADO (reason PRINTER) when an official clears, and lets the voter
/// confirm again. The paper recount then counts only the accepted testigo (rules.md R1).
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class TornTestigoTests : BoothFaultCase
{
    // Four DLE EOT status requests of 3 bytes each go out before the ticket (PrinterQuery).
    private const int StatusBytesBeforeTicket = 12;

    [Fact]
    public void A_jam_inside_the_testigo_tears_it_and_the_official_clears_only_after_the_jam_with_its_void_mark_printed()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Rig.Printer.JamAfterBytes(StatusBytesBeforeTicket + BytesThroughTheHeading() + 40);

        var confirm = Booth.Voter.Confirm();
        Assert.False(confirm.IsOk);
        Assert.StartsWith(VoterAtBooth.TestigoRefusedByPrinter, confirm.Error);
        var torn = PaperReading.Of(Rig.Tray.WaitFor(1).Single());
        Assert.True(torn.Paper.Torn);
        Assert.True(torn.ShowsTestigo);
        Assert.Null(torn.Testigo); // the QR never printed
        Assert.False(torn.CountsAsVote);
        Assert.Equal(1, Rig.Vault.Testigos().VoidMarksOwed);
        Assert.Empty(Rig.Store.SealedVotes());
        Assert.Equal(SessionState.Interrupted, Booth.View.State);
        Assert.True(Rig.Lights.Last!.Fault);
        Assert.Contains(Booth.View.Alerts.Recent(), a => a.Contains("a media impresión"));
        Assert.Contains("\"testigo-voided:PRINTER\":\"1\"", Rig.LogText);

        var refused = OfficialClears(Rig);
        Assert.False(refused.IsOk);
        Assert.StartsWith("the printer is still not ready", refused.Error);
        Assert.Equal(SessionState.Interrupted, Booth.View.State);
        Assert.Equal(1, Rig.Vault.Testigos().VoidMarksOwed);

        Rig.Printer.ClearJam();
        var cleared = OfficialClears(Rig);
        Assert.True(cleared.IsOk, cleared.Error);
        VoidedOn(Rig.Tray.WaitFor(2)[1], VoidReason.PrinterFault);
        Assert.Equal(0, Rig.Vault.Testigos().VoidMarksOwed);
        Assert.Contains("\"void-mark-printed:PRINTER\":\"1\"", Rig.LogText);

        VoterConfirmsAgainAndSeals(Rig);
        Assert.Equal(1, Rig.Store.CountInState("voided"));
        PaperReconcilesWithStore(Rig, papers: 3);
        LogKeepsTheSecrets(Rig);
    }

    [Fact]
    public void A_roll_that_ends_inside_the_testigo_is_the_mid_job_fault_and_a_new_roll_lets_the_vote_seal()
    {
        Rig.OpenPolls();
        Rig.Printer.LoadPaper(25); // the heading fits; the QR does not
        Rig.ReviewVote(Style, Contest, Party);

        var confirm = Booth.Voter.Confirm();
        Assert.False(confirm.IsOk);
        var torn = PaperReading.Of(Rig.Tray.WaitFor(1).Single());
        Assert.True(torn.Paper.Torn);
        Assert.False(torn.CountsAsVote);
        Assert.Equal(1, Rig.Vault.Testigos().VoidMarksOwed);
        Assert.Equal(SessionState.Interrupted, Booth.View.State);

        var refused = OfficialClears(Rig);
        Assert.Equal("the printer is still not ready: printer status PaperOut", refused.Error);

        Rig.Printer.LoadPaper(100_000);
        Assert.True(OfficialClears(Rig).IsOk);
        VoidedOn(Rig.Tray.WaitFor(2)[1], VoidReason.PrinterFault);
        VoterConfirmsAgainAndSeals(Rig);
        PaperReconcilesWithStore(Rig, papers: 3);
        LogKeepsTheSecrets(Rig);
    }

    /// <summary>How far into a testigo's body its heading ends (the jam falls just after it, before the QR).</summary>
    private int BytesThroughTheHeading()
    {
        var style = Rig.Installed.Package.Style(Style)!;
        var body = Testigo.Compose(Rig.Installed, style, [Marking.Parties(Contest, Party)]).Body;
        var at = Encoding.Latin1.GetString(body).IndexOf("TESTIGO DEL VOTO", StringComparison.Ordinal);
        Assert.True(at > 0);
        return at + "TESTIGO DEL VOTO".Length + 1;
    }
}
