using Vmre.Terminal.Votes;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Faults.FaultChecks;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Issue 3, case 6; issue 9 (design section 4): the voter says the testigo is not what they chose.
/// The void mark prints over the same paper at once (ANULADO, reason REJECTED), the paper is cut,
/// and the voter marks again; the third rejection ends the session without a vote
/// (VotingSession.MaxTestigos), counted as abandoned. No testigo is cut before the voter decides.
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class RejectedTestigoTests : BoothFaultCase
{

    [Fact]
    public void Each_rejection_voids_the_same_paper_at_once_and_the_third_ends_the_session_without_a_vote()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        for (var round = 1; round <= VotingSession.MaxTestigos; round++)
        {
            if (round > 1) Assert.True(Booth.Voter.Select(Marks()).IsOk);
            Assert.True(Booth.Voter.Confirm().IsOk);
            Assert.Equal(round - 1, Rig.Tray.Settled().Count); // the testigo is held on the roll, uncut

            var rejected = Booth.Voter.Reject();
            var paper = Rig.Tray.WaitFor(round)[^1];
            VoidedOn(paper, VoidReason.VoterRejected);
            Assert.Contains("TESTIGO DEL VOTO", paper.Text); // the same paper: the testigo, then its void mark
            Assert.Equal(0, Rig.Vault.Testigos().VoidMarksOwed);
            if (round < VotingSession.MaxTestigos)
            {
                Assert.True(rejected.IsOk, rejected.Error);
                Assert.Equal(SessionState.Selecting, Booth.View.State);
                Assert.Contains("MORENA", Booth.Voter.CurrentReview().Value!.Lines.Single().Selection);
            }
            else
            {
                Assert.False(rejected.IsOk);
                Assert.Equal($"{VotingSession.MaxTestigos} testigos rejected: the session ended without a vote; call an official", rejected.Error);
            }
        }

        Assert.Equal(SessionState.Idle, Booth.View.State);
        Assert.Empty(Rig.Store.SealedVotes());
        Assert.Equal(VotingSession.MaxTestigos, Rig.Store.CountInState("voided"));
        Assert.Equal(1, Rig.Store.Counter(VoteVault.SessionsAbandoned));
        Assert.Contains(Booth.View.Alerts.Recent(), a => a.Contains("rechazó 3 testigos"));
        var log = Rig.LogText;
        Assert.Contains($"\"testigo-rejected\":\"{VotingSession.MaxTestigos}\"", log);
        Assert.Contains($"\"void-mark-printed:REJECTED\":\"{VotingSession.MaxTestigos}\"", log);
        Assert.True(Rig.Lights.Last!.Ready);
        PaperReconcilesWithStore(Rig, papers: VotingSession.MaxTestigos);
        LogKeepsTheSecrets(Rig);
    }
}
