using CsCheck;
using Vmre.Firmware.Session;
using S = Vmre.Firmware.Session.SessionState;
using E = Vmre.Firmware.Session.SessionEvent;

namespace Vmre.Firmware.Tests;

public class VotingSessionTests
{
    // The intended table, written independently of the implementation.
    static readonly Dictionary<(S, E), S> Table = new()
    {
        [(S.Idle, E.Activate)] = S.Activated,
        [(S.Activated, E.BeginSelection)] = S.Selecting,
        [(S.Activated, E.Cancel)] = S.Voided,
        [(S.Activated, E.Timeout)] = S.Voided,
        [(S.Selecting, E.Review)] = S.Reviewing,
        [(S.Selecting, E.Cancel)] = S.Voided,
        [(S.Selecting, E.Timeout)] = S.Voided,
        [(S.Reviewing, E.BackToSelection)] = S.Selecting,
        [(S.Reviewing, E.Confirm)] = S.Printing,
        [(S.Reviewing, E.Cancel)] = S.Voided,
        [(S.Reviewing, E.Timeout)] = S.Voided,
        [(S.Printing, E.PrintSucceeded)] = S.VoterVerifying,
        [(S.Printing, E.PrintFailed)] = S.Fault,
        [(S.VoterVerifying, E.VoterAccepted)] = S.Sealed,
        [(S.Sealed, E.Reset)] = S.Idle,
        [(S.Voided, E.Reset)] = S.Idle,
        [(S.Fault, E.Reset)] = S.Idle,
    };

    [Fact]
    public void EveryStateEventPairFollowsTheTableOrIsRefused()
    {
        foreach (S state in Enum.GetValues<S>())
        foreach (E evt in Enum.GetValues<E>())
        {
            bool allowed = SessionTransitions.TryNext(state, evt, out var next);
            if (Table.TryGetValue((state, evt), out var expected))
            {
                Assert.True(allowed, $"{state}+{evt}");
                Assert.Equal(expected, next);
            }
            else
            {
                Assert.False(allowed, $"{state}+{evt} should be refused");
                Assert.Equal(state, next);
            }
        }
    }

    [Fact]
    public void HappyPath()
    {
        var s = new VotingSession();
        foreach (var e in new[] { E.Activate, E.BeginSelection, E.Review, E.BackToSelection, E.Review, E.Confirm, E.PrintSucceeded, E.VoterAccepted })
            Assert.True(s.Fire(e).Ok);
        Assert.Equal(S.Sealed, s.State);
        Assert.Equal(S.Idle, s.Fire(E.Reset).To);
    }

    [Fact]
    public void RefusalCarriesReasonAndKeepsState()
    {
        var s = new VotingSession();
        s.Fire(E.Activate); s.Fire(E.BeginSelection); s.Fire(E.Review); s.Fire(E.Confirm);
        var r = s.Fire(E.Cancel);
        Assert.False(r.Ok);
        Assert.Equal("event Cancel not allowed in state Printing", r.Reason);
        Assert.Equal(S.Printing, r.From);
        Assert.Equal(S.Printing, r.To);
        Assert.Equal(S.Printing, s.State);
    }

    [Fact]
    public void UndefinedEventIsRefusedNotThrown() => Assert.False(new VotingSession().Fire((E)99).Ok);

    [Fact]
    public void NoPathReachesSealedWithoutPrintSucceeded() =>
        Gen.Int[0, 11].Array[0, 60].Sample(events =>
        {
            var s = new VotingSession();
            bool printedSinceIdle = false;
            E? lastAccepted = null;
            foreach (var i in events)
            {
                var e = (E)i;
                var r = s.Fire(e);
                if (!r.Ok) { Assert.Equal(r.From, s.State); continue; }
                if (r.To == S.Idle) printedSinceIdle = false;
                if (e == E.PrintSucceeded) printedSinceIdle = true;
                if (r.To == S.Sealed)
                {
                    Assert.True(printedSinceIdle);
                    Assert.Equal(S.VoterVerifying, r.From);
                }
                if (r.To == S.VoterVerifying) Assert.Equal(E.PrintSucceeded, e);
                if (e == E.Cancel || e == E.Timeout)
                    Assert.Contains(r.From, new[] { S.Activated, S.Selecting, S.Reviewing });
                lastAccepted = e;
            }
        }, iter: 5000);
}
