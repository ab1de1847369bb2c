using Vmre.Firmware.Session;
using S = Vmre.Firmware.Session.SessionState;
using E = Vmre.Firmware.Session.SessionEvent;

namespace Vmre.Firmware.Tests.Session;

/// <summary>Every (state, event) pair against the intended table, written out by hand.</summary>
public class SessionTableTests
{
    // The intended table for a session below the testigo limit, written independently of
    // the implementation. PowerLost -> Recovering from every state is added below.
    static readonly Dictionary<(S, E), S> Table = new()
    {
        [(S.Idle, E.Activate)] = S.Activated,
        [(S.Idle, E.CoverOpened)] = S.Fault,
        [(S.Idle, E.PrinterFault)] = S.Fault,

        [(S.Activated, E.BeginSelection)] = S.Selecting,
        [(S.Activated, E.Cancel)] = S.Voided,
        [(S.Activated, E.Timeout)] = S.Voided,
        [(S.Activated, E.CoverOpened)] = S.Interrupted,
        [(S.Activated, E.PrinterFault)] = S.Interrupted,

        [(S.Selecting, E.Review)] = S.Reviewing,
        [(S.Selecting, E.Cancel)] = S.Voided,
        [(S.Selecting, E.Timeout)] = S.Voided,
        [(S.Selecting, E.CoverOpened)] = S.Interrupted,
        [(S.Selecting, E.PrinterFault)] = S.Interrupted,

        [(S.Reviewing, E.BackToSelection)] = S.Selecting,
        [(S.Reviewing, E.Confirm)] = S.Printing,
        [(S.Reviewing, E.Cancel)] = S.Voided,
        [(S.Reviewing, E.Timeout)] = S.Voided,
        [(S.Reviewing, E.CoverOpened)] = S.Interrupted,
        [(S.Reviewing, E.PrinterFault)] = S.Interrupted,

        [(S.Printing, E.PrintSucceeded)] = S.VoterVerifying,
        [(S.Printing, E.PrintFailed)] = S.Interrupted,
        [(S.Printing, E.CoverOpened)] = S.Interrupted,
        [(S.Printing, E.PrinterFault)] = S.Interrupted,

        [(S.VoterVerifying, E.VoterAccepted)] = S.Sealed,
        [(S.VoterVerifying, E.VoterRejected)] = S.Selecting,
        [(S.VoterVerifying, E.Timeout)] = S.Voided,
        [(S.VoterVerifying, E.CoverOpened)] = S.Interrupted,
        [(S.VoterVerifying, E.PrinterFault)] = S.Interrupted,

        [(S.Interrupted, E.FaultCleared)] = S.Selecting,
        [(S.Interrupted, E.Cancel)] = S.Voided,
        [(S.Interrupted, E.CoverOpened)] = S.Interrupted,
        [(S.Interrupted, E.PrinterFault)] = S.Interrupted,

        [(S.Fault, E.FaultCleared)] = S.Idle,
        [(S.Fault, E.CoverOpened)] = S.Fault,
        [(S.Fault, E.PrinterFault)] = S.Fault,

        [(S.Recovering, E.Recovered)] = S.Idle,
        [(S.Recovering, E.PrintFailed)] = S.Fault,

        [(S.Sealed, E.Reset)] = S.Idle,
        [(S.Voided, E.Reset)] = S.Idle,
    };

    static S? Expected(S state, E evt, int printed)
    {
        if (evt == E.PowerLost) return S.Recovering;
        if (printed >= VotingSession.MaxTestigos)
        {
            if ((state, evt) == (S.Reviewing, E.Confirm)) return null;
            if ((state, evt) == (S.VoterVerifying, E.VoterRejected)) return S.Voided;
        }
        return Table.TryGetValue((state, evt), out var next) ? next : null;
    }

    [Fact]
    public void Enum_values_are_stable()
    {
        Assert.Equal(11, Enum.GetValues<S>().Length);
        Assert.Equal(17, Enum.GetValues<E>().Length);
        Assert.Equal(9, (int)S.Interrupted);
        Assert.Equal(10, (int)S.Recovering);
        Assert.Equal(new[] { 11, 12, 13, 14, 15, 16 },
            new[] { E.VoterRejected, E.CoverOpened, E.PrinterFault, E.FaultCleared, E.PowerLost, E.Recovered }.Select(e => (int)e));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Every_state_event_pair_follows_the_table_or_is_refused(int printed)
    {
        int allowedCount = 0;
        foreach (S state in Enum.GetValues<S>())
        foreach (E evt in Enum.GetValues<E>())
        {
            bool allowed = SessionTransitions.TryNext(state, evt, printed, out var next);
            var expected = Expected(state, evt, printed);
            if (expected is { } to)
            {
                Assert.True(allowed, $"{state}+{evt} at {printed}");
                Assert.Equal(to, next);
                allowedCount++;
            }
            else
            {
                Assert.False(allowed, $"{state}+{evt} at {printed} should be refused");
                Assert.Equal(state, next);
            }
        }
        Assert.Equal(Table.Count + 11 - (printed >= 3 ? 1 : 0), allowedCount);
    }

    [Fact]
    public void Three_argument_table_is_the_one_below_the_limit()
    {
        foreach (S state in Enum.GetValues<S>())
        foreach (E evt in Enum.GetValues<E>())
        {
            bool a = SessionTransitions.TryNext(state, evt, out var n1);
            bool b = SessionTransitions.TryNext(state, evt, 0, out var n2);
            Assert.Equal((b, n2), (a, n1));
        }
    }

    [Fact]
    public void Undefined_state_throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SessionTransitions.TryNext((S)42, E.PowerLost, out _));

    [Fact]
    public void Names_are_stable_for_every_member()
    {
        foreach (S state in Enum.GetValues<S>()) Assert.Equal(state.ToString(), SessionNames.Of(state));
        foreach (E evt in Enum.GetValues<E>()) Assert.Equal(evt.ToString(), SessionNames.Of(evt));
    }
}
