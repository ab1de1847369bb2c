using System.Text;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Faults.FaultChecks;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Issue 3, cases 2 and 3 (mid-job): the printer stops inside a testigo, so part of it is on paper
/// (a torn page). The booth must void it with a notice owed, refuse to clear while the printer is
/// still stopped, print the notice naming the torn testigo when an official clears, and let the
/// voter confirm again. The paper recount then leaves the torn testigo out (rules.md R1).
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class TornTestigoTests : BoothFaultCase
{
    // Four DLE EOT status requests of 3 bytes each go out before the ticket (PrinterQuery).
    private const int StatusBytesBeforeTicket = 12;

    [Fact]
    public void A_jam_inside_the_testigo_tears_it_and_the_official_clears_only_after_the_jam_with_a_notice_naming_it()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Rig.Printer.JamAfterBytes(StatusBytesBeforeTicket + BytesThroughTheIdLine() + 40);

        var confirm = Booth.Voter.Confirm();
        Assert.False(confirm.IsOk);
        Assert.StartsWith(VoterAtBooth.TestigoRefusedByPrinter, confirm.Error);
        var torn = PaperReading.Of(Rig.Tray.WaitFor(1).Single());
        Assert.True(torn.Paper.Torn);
        Assert.Null(torn.Testigo); // the QR never printed
        Assert.NotNull(torn.TornTestigoId);
        Assert.Equal([torn.TornTestigoId!], Rig.Store.NoticesOwed());
        Assert.Empty(Rig.Store.SealedVotes());
        Assert.Equal(SessionState.Interrupted, Booth.View.State);
        Assert.True(Rig.Lights.Last!.Fault);
        Assert.Contains(Booth.View.Alerts.Recent(), a => a.Contains("a media impresión"));
        Assert.Contains("\"noticeOwed\":\"true\"", Rig.LogText);

        var refused = OfficialClears(Rig);
        Assert.False(refused.IsOk);
        Assert.StartsWith("the printer is still not ready", refused.Error);
        Assert.Equal(SessionState.Interrupted, Booth.View.State);
        Assert.Single(Rig.Store.NoticesOwed());

        Rig.Printer.ClearJam();
        var cleared = OfficialClears(Rig);
        Assert.True(cleared.IsOk, cleared.Error);
        var notice = NoticeOn(Rig.Tray.WaitFor(2)[1]);
        Assert.Equal(torn.TornTestigoId, notice.TestigoId);
        Assert.Equal(VoidReason.PrinterFault, notice.Reason);
        Assert.Empty(Rig.Store.NoticesOwed());
        Assert.Contains("\"voiding-notice-printed\"", Rig.LogText);

        var sealedId = VoterConfirmsAgainAndSeals(Rig);
        Assert.NotEqual(torn.TornTestigoId, sealedId);
        Assert.Equal(1, Rig.Store.CountInState("voided"));
        PaperReconcilesWithStore(Rig, papers: 3);
        LogKeepsTheSecrets(Rig);
    }

    [Fact]
    public void A_roll_that_ends_inside_the_testigo_is_the_mid_job_fault_and_a_new_roll_lets_the_vote_seal()
    {
        Rig.OpenPolls();
        Rig.Printer.LoadPaper(25); // the header and the id line fit; the QR does not
        Rig.ReviewVote(Style, Contest, Party);

        var confirm = Booth.Voter.Confirm();
        Assert.False(confirm.IsOk);
        var torn = PaperReading.Of(Rig.Tray.WaitFor(1).Single());
        Assert.True(torn.Paper.Torn);
        Assert.NotNull(torn.TornTestigoId);
        Assert.Equal([torn.TornTestigoId!], Rig.Store.NoticesOwed());
        Assert.Equal(SessionState.Interrupted, Booth.View.State);

        var refused = OfficialClears(Rig);
        Assert.Equal("the printer is still not ready: printer status PaperOut", refused.Error);

        Rig.Printer.LoadPaper(100_000);
        Assert.True(OfficialClears(Rig).IsOk);
        Assert.Equal(torn.TornTestigoId, NoticeOn(Rig.Tray.WaitFor(2)[1]).TestigoId);
        VoterConfirmsAgainAndSeals(Rig);
        PaperReconcilesWithStore(Rig, papers: 3);
        LogKeepsTheSecrets(Rig);
    }

    /// <summary>How far into a testigo ticket its "Testigo ID" line ends (the layout puts it before the selections).</summary>
    private int BytesThroughTheIdLine()
    {
        var ticket = TestigoLayout.Body(new TestigoTicketData
        {
            ElectionName = Rig.Installed.Package.Name,
            ContestTitles = ["x"],
            SelectionTexts = ["y"],
            QrPayload = "q",
            PackageHash = Rig.Installed.PackageHash,
        });
        var at = Encoding.Latin1.GetString(ticket).IndexOf("Testigo 0", StringComparison.Ordinal);
        Assert.True(at > 0);
        return at + "Testigo ".Length + 20 + 1;
    }
}
