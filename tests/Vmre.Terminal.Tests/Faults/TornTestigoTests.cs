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
/// voter confirm again. The paper recount then leaves the torn testigo out (brief rule 1).
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class TornTestigoTests : IDisposable
{
    // Four DLE EOT status requests of 3 bytes each go out before the ticket (PrinterQuery).
    private const int StatusBytesBeforeTicket = 12;
    private readonly BoothRig _rig = new();
    private VotingBooth Booth => _rig.Booth;

    [Fact]
    public void A_jam_inside_the_testigo_tears_it_and_the_official_clears_only_after_the_jam_with_a_notice_naming_it()
    {
        _rig.OpenPolls();
        _rig.ReviewVote(Style, Contest, Party);
        _rig.Printer.JamAfterBytes(StatusBytesBeforeTicket + BytesThroughTheIdLine() + 40);

        var confirm = Booth.Confirm();
        Assert.False(confirm.Ok);
        Assert.StartsWith(VotingBooth.TestigoRefusedByPrinter, confirm.Refusal);
        var torn = PaperReading.Of(_rig.Tray.WaitFor(1).Single());
        Assert.True(torn.Paper.Torn);
        Assert.Null(torn.Testigo); // the QR never printed
        Assert.NotNull(torn.TornTestigoId);
        Assert.Equal([torn.TornTestigoId!], _rig.Store.NoticesOwed());
        Assert.Empty(_rig.Store.SealedVotes());
        Assert.Equal(SessionState.Interrupted, Booth.State);
        Assert.True(_rig.Lights.Last!.Fault);
        Assert.Contains(Booth.Alerts.Recent(), a => a.Contains("a media impresión"));
        Assert.Contains("\"noticeOwed\":\"true\"", _rig.LogText);

        var refused = OfficialClears(_rig);
        Assert.False(refused.Ok);
        Assert.StartsWith("the printer is still not ready", refused.Refusal);
        Assert.Equal(SessionState.Interrupted, Booth.State);
        Assert.Single(_rig.Store.NoticesOwed());

        _rig.Printer.ClearJam();
        var cleared = OfficialClears(_rig);
        Assert.True(cleared.Ok, cleared.Refusal);
        var notice = NoticeOn(_rig.Tray.WaitFor(2)[1]);
        Assert.Equal(torn.TornTestigoId, notice.TestigoId);
        Assert.Equal(VoidReason.PrinterFault, notice.Reason);
        Assert.Empty(_rig.Store.NoticesOwed());
        Assert.Contains("\"voiding-notice-printed\"", _rig.LogText);

        var sealedId = VoterConfirmsAgainAndSeals(_rig);
        Assert.NotEqual(torn.TornTestigoId, sealedId);
        Assert.Equal(1, _rig.Store.CountInState("voided"));
        PaperReconcilesWithStore(_rig, papers: 3);
        LogKeepsTheSecrets(_rig);
    }

    [Fact]
    public void A_roll_that_ends_inside_the_testigo_is_the_mid_job_fault_and_a_new_roll_lets_the_vote_seal()
    {
        _rig.OpenPolls();
        _rig.Printer.LoadPaper(25); // the header and the id line fit; the QR does not
        _rig.ReviewVote(Style, Contest, Party);

        var confirm = Booth.Confirm();
        Assert.False(confirm.Ok);
        var torn = PaperReading.Of(_rig.Tray.WaitFor(1).Single());
        Assert.True(torn.Paper.Torn);
        Assert.NotNull(torn.TornTestigoId);
        Assert.Equal([torn.TornTestigoId!], _rig.Store.NoticesOwed());
        Assert.Equal(SessionState.Interrupted, Booth.State);

        var refused = OfficialClears(_rig);
        Assert.Equal("the printer is still not ready: printer status PaperOut", refused.Refusal);

        _rig.Printer.LoadPaper(100_000);
        Assert.True(OfficialClears(_rig).Ok);
        Assert.Equal(torn.TornTestigoId, NoticeOn(_rig.Tray.WaitFor(2)[1]).TestigoId);
        VoterConfirmsAgainAndSeals(_rig);
        PaperReconcilesWithStore(_rig, papers: 3);
        LogKeepsTheSecrets(_rig);
    }

    /// <summary>How far into a testigo ticket its "Testigo ID" line ends (the layout puts it before the selections).</summary>
    private int BytesThroughTheIdLine()
    {
        var ticket = TestigoLayout.Build(new TestigoTicketData
        {
            ElectionName = _rig.Installed.Package.Name,
            ContestTitles = ["x"],
            SelectionTexts = ["y"],
            TestigoId = new string('0', 20),
            QrPayload = "q",
            PackageHash = _rig.Installed.PackageHash,
        });
        var at = Encoding.Latin1.GetString(ticket).IndexOf("Testigo 0", StringComparison.Ordinal);
        Assert.True(at > 0);
        return at + "Testigo ".Length + 20 + 1;
    }

    public void Dispose() => _rig.Dispose();
}
