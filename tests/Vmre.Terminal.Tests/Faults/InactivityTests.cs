using Vmre.Terminal.Votes;
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
public sealed class InactivityTests : BoothFaultCase
{

    private void WalkAway() => Rig.Now += Booth.InactivityLimit + TimeSpan.FromSeconds(1);

    [Fact]
    public void A_voter_gone_while_selecting_ends_the_session_with_no_paper()
    {
        Rig.OpenPolls();
        Assert.True(Booth.Voter.Activate(Rig.Election.Activation(Style)).IsOk);
        Rig.Now += Booth.InactivityLimit - TimeSpan.FromSeconds(1);
        Assert.False(Booth.Inactivity.ExpireIfInactive());
        Assert.Equal(SessionState.Selecting, Booth.View.State);

        WalkAway();
        Assert.True(Booth.Inactivity.ExpireIfInactive());
        Assert.Equal(SessionState.Idle, Booth.View.State);
        Assert.False(Booth.Voter.CurrentReview().IsOk);
        Assert.Equal(1, Rig.Store.Counter(VoteVault.SessionsAbandoned));
        Assert.Equal(0, Rig.Store.Counts().TestigosPrinted);
        Assert.Contains("\"session-timed-out\"", Rig.LogText);
        Assert.Contains(Booth.View.Alerts.Recent(), a => a.Contains("inactividad"));
        Assert.Empty(Rig.Tray.Settled());
    }

    [Fact]
    public void A_voter_gone_from_a_printed_testigo_leaves_it_voided_with_a_timeout_notice()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        var testigo = PaperReading.Of(Rig.Tray.WaitFor(1).Single()).Testigo;
        Assert.NotNull(testigo);

        WalkAway();
        Assert.True(Booth.Inactivity.ExpireIfInactive());
        var notice = NoticeOn(Rig.Tray.WaitFor(2)[1]);
        Assert.Equal(testigo!.TestigoId, notice.TestigoId);
        Assert.Equal(VoidReason.VoterTimeout, notice.Reason);
        Assert.Equal(SessionState.Idle, Booth.View.State);
        Assert.Empty(Rig.Store.SealedVotes());
        Assert.Equal(1, Rig.Store.CountInState("voided"));
        Assert.Equal(1, Rig.Store.Counter(VoteVault.SessionsAbandoned));
        Assert.False(Booth.Voter.Accept().IsOk);
        Assert.Contains("\"reason\":\"TIMEOUT\"", Rig.LogText);
        PaperReconcilesWithStore(Rig, papers: 2);
        LogKeepsTheSecrets(Rig);
    }
}
