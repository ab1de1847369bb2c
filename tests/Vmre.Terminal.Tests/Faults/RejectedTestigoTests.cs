using Vmre.Terminal.Votes;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Faults.FaultChecks;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Issue 3, case 6: the voter says the testigo is not what they chose. Its voiding notice prints at
/// once and the voter marks again; the third rejection ends the session without a vote
/// (VotingSession.MaxTestigos), counted as abandoned.
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class RejectedTestigoTests : BoothFaultCase
{

    [Fact]
    public void Each_rejection_prints_its_notice_at_once_and_the_third_ends_the_session_without_a_vote()
    {
        Rig.OpenPolls();
        Rig.ReviewVote(Style, Contest, Party);
        for (var round = 1; round <= VotingSession.MaxTestigos; round++)
        {
            if (round > 1) Assert.True(Booth.Voter.Select(Marks()).IsOk);
            Assert.True(Booth.Voter.Confirm().IsOk);
            var testigo = PaperReading.Of(Rig.Tray.WaitFor(2 * round - 1)[^1]).Testigo;
            Assert.NotNull(testigo);

            var rejected = Booth.Voter.Reject();
            var notice = NoticeOn(Rig.Tray.WaitFor(2 * round)[^1]);
            Assert.Equal(testigo!.TestigoId, notice.TestigoId);
            Assert.Equal(VoidReason.VoterRejected, notice.Reason);
            Assert.Empty(Rig.Store.NoticesOwed());
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
        Assert.Equal(VotingSession.MaxTestigos, Count(Rig.LogText, "\"testigo-rejected-by-voter\""));
        Assert.True(Rig.Lights.Last!.Ready);
        PaperReconcilesWithStore(Rig, papers: 2 * VotingSession.MaxTestigos);
        LogKeepsTheSecrets(Rig);
    }

    private static int Count(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;
}
