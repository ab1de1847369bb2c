using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Session;

/// <summary>
/// /api/state's lastSession tells the ballot page how the previous session ended (a voter who
/// accepted with the physical button is told the vote was recorded); it says nothing while a
/// session runs.
/// </summary>
public sealed class LastSessionTests : IDisposable
{
    private readonly BoothRig _rig = new();

    public void Dispose() => _rig.Dispose();

    [Fact]
    public void Recorded_after_a_sealed_vote_no_vote_after_a_cancel_and_nothing_while_a_session_runs()
    {
        _rig.OpenPolls();
        Assert.Null(_rig.Booth.View.LastSession);
        _rig.Vote("E05", ("GOB-05", ["MC"], null));
        Assert.Equal("Recorded", _rig.Booth.View.LastSession);

        _rig.ReviewVote("E05", "GOB-05", "MORENA");
        Assert.Null(_rig.Booth.View.LastSession);
        Assert.True(_rig.Booth.Voter.Cancel().IsOk);
        Assert.Equal("NoVote", _rig.Booth.View.LastSession);
    }
}
