using Vmre.Common.Module;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Faults;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Faults.FaultChecks;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Review finding (rules.md R1 and R6): a voided testigo on paper whose voiding notice was owed
/// could be left without one: the terminal went back to serving voters (an official ending an
/// interrupted session) or closed (a fault cleared for closing) with the notice never printed, so
/// the paper recount counted a testigo the store had voided.
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class OwedNoticeTests : BoothFaultCase
{

    [Fact]
    public void An_official_ending_a_session_interrupted_at_the_testigo_gets_its_notice_printed_before_the_next_voter()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        var testigo = PaperReading.Of(Rig.Tray.WaitFor(1).Single()).Testigo;
        Assert.NotNull(testigo);

        Booth.Signals.CoverChanged(open: true); // tamper with the printed testigo in view: voided, notice owed
        Assert.Equal(SessionState.Interrupted, Booth.View.State);
        Booth.Signals.CoverChanged(open: false);
        Rig.PresentCard(TestElection.PresidenteCard);
        Assert.True(Booth.Officials.EndInterruptedSession(TestElection.PresidentePin).IsOk);

        var notice = NoticeOn(Rig.Tray.WaitFor(2)[1]);
        Assert.Equal(testigo!.TestigoId, notice.TestigoId);
        Assert.Equal(VoidReason.CoverOpened, notice.Reason);
        Assert.Equal(SessionState.Idle, Booth.View.State);
        PaperReconcilesWithStore(Rig, papers: 2);
        LogKeepsTheSecrets(Rig);
    }

    [Fact]
    public void A_notice_that_cannot_print_at_the_end_of_a_session_keeps_the_terminal_out_of_service()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Rig.Tray.WaitFor(1);
        Booth.Signals.CoverChanged(open: true);
        Booth.Signals.CoverChanged(open: false);
        Rig.Printer.GoOffline(); // the notice cannot print now
        Rig.PresentCard(TestElection.PresidenteCard);
        Assert.True(Booth.Officials.EndInterruptedSession(TestElection.PresidentePin).IsOk);

        Assert.Equal(SessionState.Fault, Booth.View.State);
        Assert.Single(Rig.Store.NoticesOwed());
        Assert.False(Booth.Voter.Activate(Rig.Election.Activation(Style)).IsOk); // no next voter yet

        Rig.Printer.GoOnline();
        var cleared = OfficialClears(Rig);
        Assert.True(cleared.IsOk, cleared.Error);
        Assert.Equal(SessionState.Idle, Booth.View.State);
        PaperReconcilesWithStore(Rig, papers: 2);
    }

    [Fact]
    public void Closing_a_terminal_in_fault_prints_the_notices_still_owed_once_the_printer_can()
    {
        // A power cut left a printed testigo; at restart the printer was offline, so recovery
        // could not print its notice and the terminal is out of service.
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        var testigo = PaperReading.Of(Rig.Tray.WaitFor(1).Single()).Testigo;
        Rig.Printer.GoOffline();
        var restarted = Rig.NewBooth(Rig.Redeemer, Rig.Officials);
        restarted.Recovery.Run();
        Assert.Equal(SessionState.Fault, restarted.View.State);

        // The printer is back; the officials close at the module server without clearing at the terminal.
        Rig.Printer.GoOnline();
        Assert.True(restarted.Polls.TryClosePolls());

        var notice = NoticeOn(Rig.Tray.WaitFor(2)[1]);
        Assert.Equal(testigo!.TestigoId, notice.TestigoId);
        Assert.Equal(TerminalPolls.Closed, restarted.View.Polls);
        PaperReconcilesWithStore(Rig, papers: 2);
    }

    [Fact]
    public void Closing_with_a_notice_that_still_cannot_print_tells_the_officials()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Rig.Tray.WaitFor(1);
        Rig.Printer.GoOffline();
        var restarted = Rig.NewBooth(Rig.Redeemer, Rig.Officials);
        restarted.Recovery.Run();

        Assert.True(restarted.Polls.TryClosePolls()); // officials can always close (brief section 2.5)
        Assert.Single(Rig.Store.NoticesOwed());
        Assert.Contains("\"voiding-notices-owed-at-closing\"", Rig.LogText);
        Assert.Contains(restarted.View.Alerts.Recent(), a => a.Contains("1 voiding notices not printed"));
    }
}
