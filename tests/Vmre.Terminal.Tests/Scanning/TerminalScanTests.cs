using Vmre.Firmware.Credential;
using Vmre.Firmware.Session;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Scanning;

/// <summary>
/// Issue 3, scanner input: at the voting terminal only an activation code opens a ballot; a
/// voter's credential or anything else is refused with a reason that never echoes what was read
/// (rules.md R2, R3).
/// </summary>
public sealed class TerminalScanTests : IDisposable
{
    private readonly BoothRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public void A_scanned_activation_opens_the_ballot()
    {
        _rig.OpenPolls();
        var opened = _rig.Booth.Voter.Scanned(_rig.Election.Activation("E05") + "\r\n");
        Assert.True(opened.IsOk, opened.Error);
        Assert.Equal(SessionState.Selecting, _rig.Booth.View.State);
    }

    [Fact]
    public void A_voter_credential_scanned_at_the_terminal_is_refused_and_nothing_of_it_is_kept()
    {
        _rig.OpenPolls();
        var mrz = MrzBuilder.Build("123456789", "1234567890123", "800101", "M", "301231", "GOMEZ LOPEZ", "MARIA");
        var refused = _rig.Booth.Voter.Scanned(mrz);
        Assert.False(refused.IsOk);
        Assert.Contains("voter credential", refused.Error);
        Assert.Equal(SessionState.Idle, _rig.Booth.View.State);
        Assert.Equal(0, _rig.Redeemer.Calls);
        Assert.Contains("\"scan-refused:", _rig.LogText); // counted with its reason (issue 9 point 3)
        foreach (var secret in new[] { "GOMEZ", "MARIA", "123456789" }) Assert.DoesNotContain(secret, _rig.LogText);
    }

    [Fact]
    public void Anything_else_is_refused_with_a_reason_that_does_not_echo_it()
    {
        _rig.OpenPolls();
        foreach (var junk in new[] { "", "hello-SECRETO", "VMRE-A1.SECRETO", new string('Z', 3000) })
        {
            var refused = _rig.Booth.Voter.Scanned(junk);
            Assert.False(refused.IsOk);
            Assert.DoesNotContain("SECRETO", refused.Error);
        }
        Assert.DoesNotContain("SECRETO", _rig.LogText);
        Assert.Equal(0, _rig.Redeemer.Calls);
    }
}
