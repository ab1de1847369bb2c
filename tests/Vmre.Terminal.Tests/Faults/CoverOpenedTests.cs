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
public sealed class CoverOpenedTests : IDisposable
{
    private readonly BoothRig _rig = new();
    private VotingBooth Booth => _rig.Booth;

    private void OpenCover()
    {
        _rig.Printer.OpenCover();
        Booth.CoverChanged(true);
    }

    private void CloseCover()
    {
        _rig.Printer.CloseCover();
        Booth.CoverChanged(false);
    }

    [Fact]
    public void Opened_while_reviewing_interrupts_with_no_testigo_and_the_marks_survive_the_clearing()
    {
        _rig.OpenPolls();
        _rig.ReviewVote(Style, Contest, Party);
        OpenCover();

        Assert.Equal(SessionState.Interrupted, Booth.State);
        Assert.Equal(0, _rig.Store.Counts().TestigosPrinted);
        Assert.True(_rig.Lights.Last!.Fault);
        Assert.Contains("the printer cover was opened", Booth.Message);
        Assert.Contains("the printer cover was opened", Booth.Alerts.Recent());
        Assert.Contains("\"cover-opened\"", _rig.LogText);
        Assert.Contains("\"device-fault\"", _rig.LogText);

        Assert.Equal("the printer is still not ready: the printer cover is open", OfficialClears(_rig).Refusal);
        CloseCover();
        Assert.True(OfficialClears(_rig).Ok);
        Assert.Equal(SessionState.Selecting, Booth.State);
        VoterConfirmsAgainAndSeals(_rig);
        PaperReconcilesWithStore(_rig, papers: 1);
        LogKeepsTheSecrets(_rig);
    }

    [Fact]
    public void Opened_while_the_voter_checks_a_whole_testigo_voids_it_with_a_cover_notice()
    {
        _rig.OpenPolls();
        _rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Confirm().Ok);
        var whole = PaperReading.Of(_rig.Tray.WaitFor(1).Single());
        Assert.NotNull(whole.Testigo);
        OpenCover();

        Assert.Equal(SessionState.Interrupted, Booth.State);
        Assert.False(Booth.Accept().Ok); // the testigo in view can no longer become a vote
        Assert.Equal([whole.Testigo!.TestigoId], _rig.Store.NoticesOwed());
        Assert.Empty(_rig.Store.SealedVotes());
        Assert.Contains("\"reason\":\"COVER\"", _rig.LogText);

        Assert.False(OfficialClears(_rig).Ok);
        Assert.Single(_rig.Tray.Settled()); // no notice while the cover is open
        CloseCover();
        Assert.True(OfficialClears(_rig).Ok);
        var notice = NoticeOn(_rig.Tray.WaitFor(2)[1]);
        Assert.Equal(whole.Testigo.TestigoId, notice.TestigoId);
        Assert.Equal(VoidReason.CoverOpened, notice.Reason);

        VoterConfirmsAgainAndSeals(_rig);
        PaperReconcilesWithStore(_rig, papers: 3);
        LogKeepsTheSecrets(_rig);
    }

    [Fact]
    public void Opened_while_idle_takes_the_terminal_out_of_service_until_closed_and_cleared()
    {
        _rig.OpenPolls();
        OpenCover();

        Assert.Equal(SessionState.Fault, Booth.State);
        Assert.True(_rig.Lights.Last!.Fault);
        Assert.False(_rig.Lights.Last!.Ready);
        Assert.Contains("Out of service", Booth.Message);
        Assert.Equal("a voting session is already in progress", Booth.Activate(_rig.Election.Activation(Style)).Refusal);

        Assert.Equal("the printer is still not ready: the printer cover is open", OfficialClears(_rig).Refusal);
        CloseCover();
        Assert.Equal(SessionState.Fault, Booth.State); // closing it is not enough: an official must look
        Assert.Contains(Booth.Alerts.Recent(), a => a.Contains("Cover closed"));
        var cleared = OfficialClears(_rig);
        Assert.True(cleared.Ok, cleared.Refusal);
        Assert.Equal(SessionState.Idle, Booth.State);
        Assert.True(_rig.Lights.Last!.Ready);
        Assert.Contains("\"fault-cleared\"", _rig.LogText);
        Assert.Empty(_rig.Tray.Settled());
    }

    public void Dispose() => _rig.Dispose();
}
