using Vmre.Firmware.Session;
using S = Vmre.Firmware.Session.SessionState;
using E = Vmre.Firmware.Session.SessionEvent;
using static Vmre.Firmware.Tests.Session.SessionPaths;

namespace Vmre.Firmware.Tests.Session;

/// <summary>The session object: counters, flags and reasons over concrete event paths.</summary>
public class VotingSessionTests
{
    static readonly E[] ToReviewing = { E.Activate, E.BeginSelection, E.Review };

    static E[] Path(params E[][] parts) => parts.SelectMany(p => p).ToArray();

    [Fact]
    public void HappyPathSealsOnceAndCountsOneTestigo()
    {
        var s = Drive(E.Activate, E.BeginSelection, E.Review, E.BackToSelection, E.Review, E.Confirm);
        Assert.True(s.TestigoInFlight);
        Assert.Equal(0, s.TestigosPrinted);
        var printed = s.Fire(E.PrintSucceeded);
        Assert.False(printed.VoidsTestigo || printed.SealsVote);
        Assert.Equal(1, s.TestigosPrinted);
        var accepted = s.Fire(E.VoterAccepted);
        Assert.True(accepted.SealsVote);
        Assert.False(accepted.VoidsTestigo);
        Assert.False(s.TestigoInFlight);
        Assert.Equal(S.Idle, s.Fire(E.Reset).To);
        Assert.Equal(0, s.TestigosPrinted);
    }

    [Fact]
    public void RefusalCarriesReasonAndKeepsState()
    {
        var s = Drive(E.Activate, E.BeginSelection, E.Review, E.Confirm);
        var r = s.Fire(E.Cancel);
        Assert.False(r.Ok);
        Assert.Equal("event Cancel not allowed in state Printing", r.Reason);
        Assert.Equal((S.Printing, S.Printing, S.Printing), (r.From, r.To, s.State));
        Assert.False(r.VoidsTestigo || r.SealsVote);
    }

    [Fact]
    public void UndefinedEventIsRefusedNotThrown() => Assert.False(new VotingSession().Fire((E)99).Ok);

    [Fact]
    public void RejectionVoidsTheTestigoAndTheVoterMarksAgain()
    {
        var s = Drive(Path(ToReviewing, new[] { E.Confirm, E.PrintSucceeded }));
        var r = s.Fire(E.VoterRejected);
        Assert.True(r.VoidsTestigo);
        Assert.Equal(S.Selecting, r.To);
        Assert.Equal(1, s.TestigosPrinted);
    }

    [Fact]
    public void ThirdTestigoIsFinalAndAFourthConfirmIsRefused()
    {
        E[] cycle = { E.Review, E.Confirm, E.PrintSucceeded, E.VoterRejected };
        var s = Drive(Path(new[] { E.Activate, E.BeginSelection }, cycle, cycle, new[] { E.Review, E.Confirm, E.PrintSucceeded }));
        Assert.Equal(3, s.TestigosPrinted);
        var last = s.Fire(E.VoterRejected);
        Assert.True(last.VoidsTestigo);
        Assert.Equal(S.Voided, last.To);
    }

    [Fact]
    public void ConfirmAtTheLimitIsRefusedWithTheLimitAsReason()
    {
        E[] cycle = { E.Review, E.Confirm, E.PrintSucceeded, E.VoterRejected };
        // Third testigo printed, then the cover opens: the official clears, the voter re-marks.
        var s = Drive(Path(new[] { E.Activate, E.BeginSelection }, cycle, cycle,
            new[] { E.Review, E.Confirm, E.PrintSucceeded, E.CoverOpened, E.FaultCleared, E.Review }));
        var r = s.Fire(E.Confirm);
        Assert.False(r.Ok);
        Assert.Equal("event Confirm not allowed in state Reviewing: " + SessionReasons.TestigoLimit, r.Reason);
        Assert.Equal(S.Voided, s.Fire(E.Cancel).To);
    }

    [Fact]
    public void TheLimitReasonNamesTheLimit() =>
        Assert.Contains(VotingSession.MaxTestigos + " testigos", SessionReasons.TestigoLimit);

    [Fact]
    public void FleeingVoterVoidsThePrintedTestigo()
    {
        var s = Drive(Path(ToReviewing, new[] { E.Confirm, E.PrintSucceeded }));
        var r = s.Fire(E.Timeout);
        Assert.True(r.VoidsTestigo);
        Assert.False(r.SealsVote);
        Assert.Equal(S.Voided, r.To);
    }

    [Fact]
    public void PrinterFaultWhileVerifyingIsRefusedAndHandledAfterTheSession()
    {
        var s = Drive(Path(ToReviewing, new[] { E.Confirm, E.PrintSucceeded }));
        Assert.False(s.Fire(E.PrinterFault).Ok);
        Assert.True(s.Fire(E.VoterAccepted).SealsVote);
        s.Fire(E.Reset);
        Assert.Equal(S.Fault, s.Fire(E.PrinterFault).To);
        Assert.Equal(S.Idle, s.Fire(E.FaultCleared).To);
    }

    [Fact]
    public void PrintFailureInterruptsAndKeepsTheSessionForTheVoter()
    {
        var s = Drive(Path(ToReviewing, new[] { E.Confirm }));
        var failed = s.Fire(E.PrintFailed);
        Assert.True(failed.VoidsTestigo);
        Assert.Equal(S.Interrupted, failed.To);
        Assert.Equal(0, s.TestigosPrinted);
        Assert.False(s.Fire(E.Reset).Ok);
        var cleared = s.Fire(E.FaultCleared);
        Assert.Equal(S.Selecting, cleared.To);
        Assert.False(cleared.VoidsTestigo);
    }

    [Fact]
    public void PowerLossRecoversThroughNoticesOrFaults()
    {
        var s = new VotingSession();
        Assert.Equal(S.Recovering, s.Fire(E.PowerLost).To);
        Assert.False(s.Fire(E.Activate).Ok);
        Assert.Equal(S.Fault, s.Fire(E.PrintFailed).To);
        Assert.False(s.Fire(E.Reset).Ok);
        Assert.Equal(S.Idle, s.Fire(E.FaultCleared).To);
        Assert.Equal(S.Recovering, s.Fire(E.PowerLost).To);
        Assert.Equal(S.Idle, s.Fire(E.Recovered).To);
    }

    [Fact]
    public void PowerLossWithATestigoInFlightVoidsIt()
    {
        var s = Drive(Path(ToReviewing, new[] { E.Confirm }));
        Assert.True(s.Fire(E.PowerLost).VoidsTestigo);
        Assert.False(s.TestigoInFlight);
    }
}
