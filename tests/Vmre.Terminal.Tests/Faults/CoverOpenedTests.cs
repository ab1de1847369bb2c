using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Faults.FaultChecks;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Issue 3, case 4: the printer cover (tamper switch) opens. The emulator's cover and the booth's
/// GPIO sensor event change together, as on the board. Clearing is refused while it is open.
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class CoverOpenedTests : BoothFaultCase
{

    private void OpenCover()
    {
        Rig.Printer.OpenCover();
        Booth.Signals.CoverChanged(true);
    }

    private void CloseCover()
    {
        Rig.Printer.CloseCover();
        Booth.Signals.CoverChanged(false);
    }

    [Fact]
    public void Opened_while_reviewing_interrupts_with_no_testigo_and_the_marks_survive_the_clearing()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        OpenCover();

        Assert.Equal(SessionState.Interrupted, Booth.View.State);
        Assert.Equal(0, Rig.Store.Counts().TestigosPrinted);
        Assert.True(Rig.Lights.Last!.Fault);
        Assert.Contains("the printer cover was opened", Booth.View.Message);
        Assert.Contains("the printer cover was opened", Booth.View.Alerts.Recent());
        Assert.Contains("\"cover-opened\"", Rig.LogText);
        Assert.Contains("\"device-fault\"", Rig.LogText);
        // Review of issue 10: the fault line must not say whether a voter was there (no session state).
        Assert.DoesNotContain("\"state\"", Rig.LogText.Split('\n').Single(l => l.Contains("\"device-fault\"", StringComparison.Ordinal)));

        Assert.Equal("the printer is still not ready: the printer cover is open", OfficialClears(Rig).Error);
        CloseCover();
        Assert.True(OfficialClears(Rig).IsOk);
        Assert.Equal(SessionState.Selecting, Booth.View.State);
        VoterConfirmsAgainAndSeals(Rig);
        PaperReconcilesWithStore(Rig, papers: 1);
        LogKeepsTheSecrets(Rig);
    }

    [Fact]
    public void Opened_while_the_voter_checks_a_whole_testigo_voids_it_with_anulado_cover_on_the_same_paper()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        OpenCover();

        Assert.Equal(SessionState.Interrupted, Booth.View.State);
        Assert.False(Booth.Voter.Accept().IsOk); // the testigo in view can no longer become a vote
        Assert.Equal(1, Rig.Vault.Testigos().VoidMarksOwed);
        Assert.Empty(Rig.Store.SealedVotes());
        Assert.Contains("\"testigo-voided:COVER\":\"1\"", Rig.LogText);

        Assert.False(OfficialClears(Rig).IsOk);
        Assert.Empty(Rig.Tray.Settled()); // no mark while the cover is open: the testigo stays held
        CloseCover();
        Assert.True(OfficialClears(Rig).IsOk);
        var voided = Rig.Tray.WaitFor(1).Single();
        VoidedOn(voided, VoidReason.CoverOpened);

        VoterConfirmsAgainAndSeals(Rig);
        PaperReconcilesWithStore(Rig, papers: 2);
        LogKeepsTheSecrets(Rig);
    }

    [Fact]
    public void Opened_while_idle_takes_the_terminal_out_of_service_until_closed_and_cleared()
    {
        Rig.OpenPolls();
        OpenCover();

        Assert.Equal(SessionState.Fault, Booth.View.State);
        Assert.True(Rig.Lights.Last!.Fault);
        Assert.False(Rig.Lights.Last!.Ready);
        Assert.Contains("Out of service", Booth.View.Message);
        Assert.Equal("a voting session is already in progress", Booth.Voter.Activate(Rig.Election.Activation(Style)).Error);

        Assert.Equal("the printer is still not ready: the printer cover is open", OfficialClears(Rig).Error);
        CloseCover();
        Assert.Equal(SessionState.Fault, Booth.View.State); // closing it is not enough: an official must look
        Assert.Contains(Booth.View.Alerts.Recent(), a => a.Contains("Cover closed"));
        var cleared = OfficialClears(Rig);
        Assert.True(cleared.IsOk, cleared.Error);
        Assert.Equal(SessionState.Idle, Booth.View.State);
        Assert.True(Rig.Lights.Last!.Ready);
        Assert.Contains("\"fault-cleared\"", Rig.LogText);
        Assert.Empty(Rig.Tray.Settled());
    }
}
