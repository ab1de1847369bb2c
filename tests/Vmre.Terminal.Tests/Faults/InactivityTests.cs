using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Faults.FaultChecks;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Issue 3, case 7: a voter who walks away. Before confirming, nothing is on paper and nothing is
/// kept; from a printed testigo, it was never accepted (VVSG 2.0 "fleeing voter"), so it is voided
/// with a notice. The booth's clock is moved, not waited for.
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class InactivityTests : IDisposable
{
    private readonly BoothRig _rig = new();
    private VotingBooth Booth => _rig.Booth;

    private void WalkAway() => _rig.Now += Booth.InactivityLimit + TimeSpan.FromSeconds(1);

    [Fact]
    public void A_voter_gone_while_selecting_ends_the_session_with_no_paper()
    {
        _rig.OpenPolls();
        Assert.True(Booth.Activate(_rig.Election.Activation(Style)).Ok);
        _rig.Now += Booth.InactivityLimit - TimeSpan.FromSeconds(1);
        Assert.False(Booth.ExpireIfInactive());
        Assert.Equal(SessionState.Selecting, Booth.State);

        WalkAway();
        Assert.True(Booth.ExpireIfInactive());
        Assert.Equal(SessionState.Idle, Booth.State);
        Assert.False(Booth.CurrentReview().Ok);
        Assert.Equal(1, _rig.Store.Counter(VotingBooth.SessionsAbandoned));
        Assert.Equal(0, _rig.Store.Counts().TestigosPrinted);
        Assert.Contains("\"session-timed-out\"", _rig.LogText);
        Assert.Contains(Booth.Alerts.Recent(), a => a.Contains("inactividad"));
        Assert.Empty(_rig.Tray.Settled());
    }

    [Fact]
    public void A_voter_gone_from_a_printed_testigo_leaves_it_voided_with_a_timeout_notice()
    {
        _rig.OpenPolls();
        _rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Confirm().Ok);
        var testigo = PaperReading.Of(_rig.Tray.WaitFor(1).Single()).Testigo;
        Assert.NotNull(testigo);

        WalkAway();
        Assert.True(Booth.ExpireIfInactive());
        var notice = NoticeOn(_rig.Tray.WaitFor(2)[1]);
        Assert.Equal(testigo!.TestigoId, notice.TestigoId);
        Assert.Equal(VoidReason.VoterTimeout, notice.Reason);
        Assert.Equal(SessionState.Idle, Booth.State);
        Assert.Empty(_rig.Store.SealedVotes());
        Assert.Equal(1, _rig.Store.CountInState("voided"));
        Assert.Equal(1, _rig.Store.Counter(VotingBooth.SessionsAbandoned));
        Assert.False(Booth.Accept().Ok);
        Assert.Contains("\"reason\":\"TIMEOUT\"", _rig.LogText);
        PaperReconcilesWithStore(_rig, papers: 2);
        LogKeepsTheSecrets(_rig);
    }

    public void Dispose() => _rig.Dispose();
}
