using Vmre.Terminal.Votes;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Firmware.Session;
using Vmre.Terminal.Session;
using Vmre.Terminal.Tests.Support;
using Vmre.Devices.Tpm;
using Vmre.Terminal.Tpm;

namespace Vmre.Terminal.Tests.Session;

/// <summary>
/// Review findings at the booth's HTTP boundary: malformed selections must be refused with a
/// reason, never accepted into a state the session cannot leave (rules.md R4 and R6).
/// </summary>
public sealed class BoothBoundaryTests : IDisposable
{
    private readonly BoothRig _rig = new();

    private void Activate()
    {
        _rig.OpenPolls();
        var activated = _rig.Booth.Voter.Activate(_rig.Election.Activation("E05"));
        Assert.True(activated.IsOk, activated.Error);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_null_party_code_is_refused_at_selection_and_the_terminal_is_not_wedged(bool withPan)
    {
        string[] parties = withPan ? ["PAN", null!] : [null!];
        // Before the fix: FirstOrDefault(unknown) returned the null code itself, read as "none
        // unknown"; the review showed " + PAN: voto nulo", and Confirm then threw inside
        // Testigo.Compose after the session had moved to Printing: the voter's burned activation
        // was lost, Cancel and new activations were refused, and Close was refused for good.
        Activate();
        var selected = _rig.Booth.Voter.Select(new SelectionRequest([new ContestSelection("GOB-05", parties, null)]));
        Assert.False(selected.IsOk);
        Assert.Contains("not on this ballot", selected.Error);
        Assert.Equal(SessionState.Selecting, _rig.Booth.View.State);

        var confirmed = _rig.Booth.Voter.Confirm();
        Assert.False(confirmed.IsOk);
        Assert.True(_rig.Booth.Voter.Cancel().IsOk);
        Assert.Equal(SessionState.Idle, _rig.Booth.View.State);
        Assert.True(_rig.Desk.Handle(_rig.Command(ModuleCommandKind.Close)).IsOk);
    }

    [Fact]
    public void A_null_contest_entry_is_refused_not_a_server_error()
    {
        // Before the fix: {"contests":[null]} threw a NullReferenceException (HTTP 500).
        Activate();
        var selected = _rig.Booth.Voter.Select(new SelectionRequest([null!, new ContestSelection("GOB-05", ["PAN"], null)]));
        Assert.False(selected.IsOk);
        Assert.Equal(SessionState.Selecting, _rig.Booth.View.State);
    }

    [Fact]
    public void A_redeemer_that_throws_refuses_the_activation_instead_of_throwing()
    {
        // The real redeemer signs the request in the TPM: a TpmError escaped Activate, which is
        // an HTTP 500 on the ballot page and, on the scanner's thread, an unhandled exception
        // that ends the whole terminal process.
        var booth = _rig.NewBooth(new ThrowingRedeemer());
        booth.Polls.SetPolls(TerminalPolls.Open);
        var result = booth.Voter.Activate(_rig.Election.Activation("E05"));
        Assert.False(result.IsOk);
        Assert.Contains("activation could not be redeemed", result.Error);
        Assert.Equal(SessionState.Idle, booth.View.State);
        Assert.Equal(0, _rig.Store.Counter(VoteVault.ActivationsRedeemed));
        Assert.Contains("activation-refused", _rig.LogText);
    }

    private sealed class ThrowingRedeemer : IActivationRedeemer
    {
        public RedeemResponse Redeem(string token) => throw new TpmError("Sign", 0x60001);
    }

    public void Dispose() => _rig.Dispose();
}
