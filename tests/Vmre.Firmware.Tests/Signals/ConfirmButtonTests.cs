using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;
using S = Vmre.Firmware.Session.SessionState;
using E = Vmre.Firmware.Session.SessionEvent;

namespace Vmre.Firmware.Tests.Signals;

public class ConfirmButtonTests
{
    static ConfirmButton In(S state, bool released)
    {
        var b = new ConfirmButton();
        b.StateEntered(state);
        if (released) b.Released();
        return b;
    }

    [Fact]
    public void APressInReviewingConfirmsAndInVerifyingAccepts()
    {
        Assert.True(In(S.Reviewing, true).Pressed(out var confirm));
        Assert.Equal(E.Confirm, confirm);
        Assert.True(In(S.VoterVerifying, true).Pressed(out var accept));
        Assert.Equal(E.VoterAccepted, accept);
    }

    [Fact]
    public void APressMeansNothingInEveryOtherState()
    {
        foreach (S state in Enum.GetValues<S>())
        {
            if (state is S.Reviewing or S.VoterVerifying) continue;
            Assert.False(In(state, true).Pressed(out _), state.ToString());
        }
    }

    [Fact]
    public void APressHeldFromThePreviousScreenDoesNotCount()
    {
        var b = new ConfirmButton();
        b.StateEntered(S.Reviewing);
        b.Released();
        Assert.True(b.Pressed(out _));          // Confirm; the voter keeps holding
        b.StateEntered(S.Printing);
        b.StateEntered(S.VoterVerifying);       // still held: no release seen here
        Assert.False(b.Pressed(out _));
        b.Released();
        Assert.True(b.Pressed(out var evt));
        Assert.Equal(E.VoterAccepted, evt);
    }

    [Fact]
    public void EachPressNeedsItsOwnRelease()
    {
        var b = In(S.Reviewing, true);
        Assert.True(b.Pressed(out _));
        Assert.False(b.Pressed(out _));
        b.Released();
        Assert.True(b.Pressed(out _));
    }

    [Fact]
    public void AReleaseBeforeTheStateChangeIsForgotten()
    {
        var b = new ConfirmButton();
        b.StateEntered(S.Selecting);
        b.Released();
        b.StateEntered(S.Reviewing);
        Assert.False(b.Pressed(out _));
    }

    [Fact]
    public void AFreshButtonWaitsForARelease()
    {
        var b = new ConfirmButton();
        b.StateEntered(S.Reviewing);
        Assert.False(b.Pressed(out _));
    }
}
