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
    public void A_press_in_reviewing_confirms_and_in_verifying_accepts()
    {
        Assert.True(In(S.Reviewing, true).Pressed(out var confirm));
        Assert.Equal(E.Confirm, confirm);
        Assert.True(In(S.VoterVerifying, true).Pressed(out var accept));
        Assert.Equal(E.VoterAccepted, accept);
    }

    [Fact]
    public void A_press_means_nothing_in_every_other_state()
    {
        foreach (S state in Enum.GetValues<S>())
        {
            if (state is S.Reviewing or S.VoterVerifying) continue;
            Assert.False(In(state, true).Pressed(out _), state.ToString());
        }
    }

    [Fact]
    public void A_press_held_from_the_previous_screen_does_not_count()
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
    public void Each_press_needs_its_own_release()
    {
        var b = In(S.Reviewing, true);
        Assert.True(b.Pressed(out _));
        Assert.False(b.Pressed(out _));
        b.Released();
        Assert.True(b.Pressed(out _));
    }

    [Fact]
    public void A_release_before_the_state_change_is_forgotten()
    {
        var b = new ConfirmButton();
        b.StateEntered(S.Selecting);
        b.Released();
        b.StateEntered(S.Reviewing);
        Assert.False(b.Pressed(out _));
    }

    [Fact]
    public void A_fresh_button_waits_for_a_release()
    {
        var b = new ConfirmButton();
        b.StateEntered(S.Reviewing);
        Assert.False(b.Pressed(out _));
    }
}
