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
    public void Happy_path_seals_once_and_counts_one_testigo()
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
    public void Refusal_carries_reason_and_keeps_state()
    {
        var s = Drive(E.Activate, E.BeginSelection, E.Review, E.Confirm);
        var r = s.Fire(E.Cancel);
        Assert.False(r.Ok);
        Assert.Equal("event Cancel not allowed in state Printing", r.Reason);
        Assert.Equal((S.Printing, S.Printing, S.Printing), (r.From, r.To, s.State));
        Assert.False(r.VoidsTestigo || r.SealsVote);
    }

    [Fact]
    public void Undefined_event_is_refused_not_thrown() => Assert.False(new VotingSession().Fire((E)99).Ok);

    [Fact]
    public void Rejection_voids_the_testigo_and_the_voter_marks_again()
    {
        var s = Drive(Path(ToReviewing, new[] { E.Confirm, E.PrintSucceeded }));
        var r = s.Fire(E.VoterRejected);
        Assert.True(r.VoidsTestigo);
        Assert.Equal(S.Selecting, r.To);
        Assert.Equal(1, s.TestigosPrinted);
    }

    [Fact]
    public void Third_testigo_is_final_and_a_fourth_confirm_is_refused()
    {
        E[] cycle = { E.Review, E.Confirm, E.PrintSucceeded, E.VoterRejected };
        var s = Drive(Path(new[] { E.Activate, E.BeginSelection }, cycle, cycle, new[] { E.Review, E.Confirm, E.PrintSucceeded }));
        Assert.Equal(3, s.TestigosPrinted);
        var last = s.Fire(E.VoterRejected);
        Assert.True(last.VoidsTestigo);
        Assert.Equal(S.Voided, last.To);
    }

    [Fact]
    public void Confirm_at_the_limit_is_refused_with_the_limit_as_reason()
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
    public void The_limit_reason_names_the_limit() =>
        Assert.Contains(VotingSession.MaxTestigos + " testigos", SessionReasons.TestigoLimit);

    [Fact]
    public void Fleeing_voter_voids_the_printed_testigo()
    {
        var s = Drive(Path(ToReviewing, new[] { E.Confirm, E.PrintSucceeded }));
        var r = s.Fire(E.Timeout);
        Assert.True(r.VoidsTestigo);
        Assert.False(r.SealsVote);
        Assert.Equal(S.Voided, r.To);
    }

    [Fact]
    public void Printer_fault_while_verifying_voids_the_held_testigo_and_refuses_accept()
    {
        // Issue 9: the testigo is held uncut, so a jam or paper-out may tear it off unmarked.
        var s = Drive(Path(ToReviewing, new[] { E.Confirm, E.PrintSucceeded }));
        var r = s.Fire(E.PrinterFault);
        Assert.True(r.VoidsTestigo);
        Assert.Equal(S.Interrupted, r.To);
        Assert.False(s.Fire(E.VoterAccepted).Ok);
        Assert.Equal(S.Selecting, s.Fire(E.FaultCleared).To);
    }

    [Fact]
    public void Print_failure_interrupts_and_keeps_the_session_for_the_voter()
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
    public void Power_loss_recovers_through_notices_or_faults()
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
    public void Power_loss_with_a_testigo_in_flight_voids_it()
    {
        var s = Drive(Path(ToReviewing, new[] { E.Confirm }));
        Assert.True(s.Fire(E.PowerLost).VoidsTestigo);
        Assert.False(s.TestigoInFlight);
    }
}
