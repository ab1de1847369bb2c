using Vmre.Firmware.Session;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Session;

/// <summary>
/// Review finding (rules.md R7: every action logged, refusals with reasons): confirm, accept,
/// reject and cancel refused in the wrong state (a second tap, the confirm button) left no trace.
/// </summary>
public sealed class RefusalLoggingTests : IDisposable
{
    private readonly BoothRig _rig = new();

    [Fact]
    public void Voter_actions_refused_in_the_wrong_state_are_logged_with_their_reason()
    {
        _rig.OpenPolls();
        Assert.False(_rig.Booth.Voter.Accept().IsOk);
        Assert.False(_rig.Booth.Voter.Reject().IsOk);
        Assert.False(_rig.Booth.Voter.Cancel().IsOk);
        _rig.Booth.Signals.ButtonPressed(SessionEvent.Confirm);

        // Issue 9 point 3: counted with their reason on the hour's voter-activity line, not timed one by one.
        var log = _rig.LogText;
        Assert.Contains("\"accept-refused:nothing-to-accept\":\"1\"", log);
        Assert.Contains("\"reject-refused:nothing-to-reject\":\"1\"", log);
        Assert.Contains("\"cancel-refused:cannot-cancel\":\"1\"", log);
        Assert.Contains("\"confirm-refused:nothing-to-confirm\":\"1\"", log);
        Assert.DoesNotContain("\"event\":\"accept-refused\"", log);
        Assert.True(Vmre.Common.Logging.EventLogVerifier.VerifyFile(_rig.LogPath).IsOk);
    }

    public void Dispose() => _rig.Dispose();
}
