using Vmre.Terminal.Votes;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Faults.FaultChecks;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Issue 3, case 7: a voter who walks away. Before confirming, nothing is on paper and nothing is
/// kept; from a printed testigo, it was never accepted (VVSG 2.0 "fleeing voter"), so its void mark
/// (ANULADO, reason TIMEOUT) prints over the same paper. The booth's clock is moved, not waited for.
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
        Assert.Contains("\"session-timed-out:Selecting\":\"1\"", Rig.LogText);
        Assert.Contains(Booth.View.Alerts.Recent(), a => a.Contains("inactividad"));
        Assert.Empty(Rig.Tray.Settled());
    }

    [Fact]
    public void A_voter_gone_from_a_printed_testigo_leaves_it_voided_with_anulado_timeout_on_the_same_paper()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        Assert.True(Booth.Voter.Confirm().IsOk);
        Assert.Empty(Rig.Tray.Settled()); // held on the roll while the voter looks

        WalkAway();
        Assert.True(Booth.Inactivity.ExpireIfInactive());
        var paper = Rig.Tray.WaitFor(1).Single();
        VoidedOn(paper, VoidReason.VoterTimeout);
        Assert.Contains("TESTIGO DEL VOTO", paper.Text);
        Assert.Equal(SessionState.Idle, Booth.View.State);
        Assert.Empty(Rig.Store.SealedVotes());
        Assert.Equal(1, Rig.Store.CountInState("voided"));
        Assert.Equal(1, Rig.Store.Counter(VoteVault.SessionsAbandoned));
        Assert.False(Booth.Voter.Accept().IsOk);
        Assert.Contains("\"testigo-voided:TIMEOUT\":\"1\"", Rig.LogText);
        PaperReconcilesWithStore(Rig, papers: 1);
        LogKeepsTheSecrets(Rig);
    }
}
