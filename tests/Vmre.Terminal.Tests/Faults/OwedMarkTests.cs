using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Faults.FaultChecks;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Rules.md R1 and R6 (issue 9, design section 4): a testigo on paper whose void mark is owed must
/// not be left without it: the terminal does not go back to serving voters (an official ending an
/// interrupted session) nor close (a fault cleared for closing) with the paper unmarked, or the
/// box would hold a testigo that is neither a vote nor visibly void.
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class OwedMarkTests : BoothFaultCase
{

    [Fact]
    public void An_official_ending_a_session_interrupted_at_the_testigo_gets_its_void_mark_printed_before_the_next_voter()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Assert.Empty(Rig.Tray.Settled()); // held on the roll, uncut

        Booth.Signals.CoverChanged(open: true); // tamper with the printed testigo in view: voided, mark owed
        Assert.Equal(SessionState.Interrupted, Booth.View.State);
        Assert.Equal(1, Rig.Vault.Testigos().VoidMarksOwed);
        Booth.Signals.CoverChanged(open: false);
        Rig.PresentCard(TestElection.PresidenteCard);
        Assert.True(Booth.Officials.EndInterruptedSession(TestElection.PresidentePin).IsOk);

        var paper = Rig.Tray.WaitFor(1).Single();
        VoidedOn(paper, VoidReason.CoverOpened);
        Assert.Equal(SessionState.Idle, Booth.View.State);
        PaperReconcilesWithStore(Rig, papers: 1);
        LogKeepsTheSecrets(Rig);
    }

    [Fact]
    public void A_void_mark_that_cannot_print_at_the_end_of_a_session_keeps_the_terminal_out_of_service()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Booth.Signals.CoverChanged(open: true);
        Booth.Signals.CoverChanged(open: false);
        Rig.Printer.GoOffline(); // the mark cannot print now
        Rig.PresentCard(TestElection.PresidenteCard);
        Assert.True(Booth.Officials.EndInterruptedSession(TestElection.PresidentePin).IsOk);

        Assert.Equal(SessionState.Fault, Booth.View.State);
        Assert.Equal(1, Rig.Vault.Testigos().VoidMarksOwed);
        Assert.False(Booth.Voter.Activate(Rig.Election.Activation(Style)).IsOk); // no next voter yet

        Rig.Printer.GoOnline();
        var cleared = OfficialClears(Rig);
        Assert.True(cleared.IsOk, cleared.Error);
        Assert.Equal(SessionState.Idle, Booth.View.State);
        VoidedOn(Rig.Tray.WaitFor(1).Single(), VoidReason.CoverOpened);
        PaperReconcilesWithStore(Rig, papers: 1);
    }

    [Fact]
    public void Closing_a_terminal_in_fault_prints_the_void_marks_still_owed_once_the_printer_can()
    {
        var restarted = RestartedAfterACutWithThePrinterOffline();
        Assert.Equal(SessionState.Fault, restarted.View.State);

        // The printer is back; the officials close at the module server without clearing at the terminal.
        Rig.Printer.GoOnline();
        Assert.True(restarted.Polls.TryClosePolls());

        VoidedOn(Rig.Tray.WaitFor(1).Single(), VoidReason.PowerLoss);
        Assert.Equal(TerminalPolls.Closed, restarted.View.Polls);
        PaperReconcilesWithStore(Rig, papers: 1);
    }

    [Fact]
    public void Closing_with_a_mark_that_still_cannot_print_tells_the_officials()
    {
        var restarted = RestartedAfterACutWithThePrinterOffline();

        Assert.True(restarted.Polls.TryClosePolls()); // officials can always close (brief section 2.5)
        Assert.Equal(1, Rig.Vault.Testigos().VoidMarksOwed);
        Assert.Contains("\"marks-owed-at-closing\"", Rig.LogText);
        Assert.Contains("\"voidMarks\":\"1\"", Rig.LogText);
        Assert.Contains(restarted.View.Alerts.Recent(), a => a.Contains("1 void marks and 0 acceptance marks not printed"));
    }

    /// <summary>
    /// A power cut left a printed testigo held on the roll; at restart the printer was offline,
    /// so recovery could not print its void mark and the terminal is out of service.
    /// </summary>
    private VotingBooth RestartedAfterACutWithThePrinterOffline()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Rig.Printer.GoOffline();
        var restarted = Rig.NewBooth(Rig.Redeemer, Rig.Officials);
        restarted.Recovery.Run();
        return restarted;
    }
}
