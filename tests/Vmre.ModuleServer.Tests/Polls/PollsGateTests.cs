using Vmre.Common.Protocol;
using Vmre.ModuleServer.Polls;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Tests.Polls;

/// <summary>
/// The polls gate (brief section 2.5): once closing commits "closed", no activation is issued or
/// burned. A request holds a pass while it runs; closing waits for the passes under way and lets
/// no new one in until it has committed. Ordering is shown with tasks, not with time.
/// </summary>
public sealed class PollsGateTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly ModuleDatabase _db;
    private readonly PollsGate _gate;

    public PollsGateTests()
    {
        _db = ModuleDatabase.Open(_dir.File("module.db"));
        _gate = new PollsGate(_db);
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_pass_says_why_while_the_polls_are_not_open()
    {
        using var before = await _gate.Enter(CancellationToken.None);
        Assert.Equal("polls are not open yet", before.Refusal);
    }

    [Fact]
    public async Task Closing_commits_only_after_the_request_under_way_hands_its_pass_back()
    {
        Assert.True(await _gate.Move(PollsState.NotOpen, PollsState.Open));
        var inFlight = await _gate.Enter(CancellationToken.None);
        Assert.Null(inFlight.Refusal);

        var closing = _gate.Move(PollsState.Open, PollsState.Closed);
        // Not a wait: the state is read at once, and it cannot have moved while the pass is held.
        Assert.Equal(PollsState.Open, PollsRecord.Read(_db));
        var late = _gate.Enter(CancellationToken.None);

        inFlight.Dispose();
        Assert.True(await closing);
        using var after = await late;
        Assert.Equal("polls are closed", after.Refusal);
    }

    [Fact]
    public async Task A_move_from_a_state_no_longer_held_is_refused()
    {
        Assert.False(await _gate.Move(PollsState.Open, PollsState.Closed));
        Assert.Equal(PollsState.NotOpen, PollsRecord.Read(_db));
    }
}
