using Vmre.Common.Protocol;
using Vmre.Firmware.Session;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Session;

/// <summary>
/// CI finding (issue 7 did not land): the confirm button's meaning was judged on the GPIO thread
/// against a copy of the state that was updated after the state became visible, so a press made
/// as soon as the screen showed "verify your testigo" could be lost. The meaning is now judged in
/// the booth's own step, under the lock that changes the state (BoothSignals.ButtonMoved).
/// </summary>
public sealed class ConfirmButtonStepTests : IDisposable
{
    private readonly BoothRig _rig = new();

    private void ReviewOneMark()
    {
        _rig.OpenPolls();
        Assert.True(_rig.Booth.Voter.Activate(_rig.Election.Activation("E05")).IsOk);
        Assert.True(_rig.Booth.Voter.Select(new SelectionRequest([new ContestSelection("GOB-05", ["MORENA"], null)])).IsOk);
        Assert.Equal(SessionState.Reviewing, _rig.Booth.View.State);
    }

    [Fact]
    public void A_press_prints_and_a_release_then_a_press_in_the_new_state_seals()
    {
        ReviewOneMark();
        _rig.Booth.Signals.ButtonMoved(false); // seen released while reviewing
        _rig.Booth.Signals.ButtonMoved(true);
        Assert.Equal(SessionState.VoterVerifying, _rig.Booth.View.State);
        _rig.Booth.Signals.ButtonMoved(false);
        _rig.Booth.Signals.ButtonMoved(true);
        Assert.Equal(SessionState.Idle, _rig.Booth.View.State);
        Assert.Single(_rig.Store.SealedVotes());
    }

    [Fact]
    public void A_press_held_from_the_review_screen_does_not_accept_the_testigo()
    {
        ReviewOneMark();
        _rig.Booth.Signals.ButtonMoved(false);
        _rig.Booth.Signals.ButtonMoved(true); // prints; the button is still held when verifying begins
        Assert.Equal(SessionState.VoterVerifying, _rig.Booth.View.State);
        _rig.Booth.Signals.ButtonMoved(true); // a bounce of the same press: no release seen in this state
        Assert.Equal(SessionState.VoterVerifying, _rig.Booth.View.State);
        Assert.Empty(_rig.Store.SealedVotes());
    }

    [Fact]
    public void A_press_while_idle_means_nothing_and_is_not_logged_as_a_press()
    {
        _rig.OpenPolls();
        _rig.Booth.Signals.ButtonMoved(false);
        _rig.Booth.Signals.ButtonMoved(true);
        Assert.Equal(SessionState.Idle, _rig.Booth.View.State);
        Assert.DoesNotContain("confirm-button", _rig.LogText);
    }

    public void Dispose() => _rig.Dispose();
}
