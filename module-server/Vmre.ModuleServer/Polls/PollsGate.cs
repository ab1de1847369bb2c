using Vmre.Common.Protocol;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.Polls;

/// <summary>
/// The one place that decides whether something that needs open polls may run (brief section
/// 2.5: once closing commits "closed", no activation is issued or burned). A request holds a
/// <see cref="PollsPass"/> for as long as it runs; a transition waits until every pass is handed
/// back and lets no new one in, so the state a request was let in under cannot change under it.
/// </summary>
/// <remarks>
/// Passes are short: a check-in or a redemption is one SQLite transaction, and Kestrel's minimum
/// request-body rate ends a stalled upload within seconds, so closing never waits long.
/// </remarks>
public sealed class PollsGate(ModuleDatabase db)
{
    private readonly Lock _sync = new();
    private int _inside;
    private TaskCompletionSource? _moving;
    private TaskCompletionSource? _emptied;
    // The stored state as the gate last read or moved it; null until first needed. Only Move writes
    // the stored state (PollsRecord.Move is internal and called here alone).
    private PollsState? _state;

    /// <summary>Lets a request in under the current state; its refusal is set unless the polls are open.</summary>
    public async Task<PollsPass> Enter(CancellationToken cancel)
    {
        while (true)
        {
            Task transition;
            lock (_sync)
            {
                if (_moving is null)
                {
                    // Read from the store once per process: every later change goes through Move,
                    // so a check-in or redemption costs no extra query (read before counting the
                    // pass, so a failed read leaves no pass behind).
                    var state = _state ??= PollsRecord.Read(db);
                    _inside++;
                    return new PollsPass(this, state == PollsState.Open ? null : Reason(state));
                }
                transition = _moving.Task;
            }
            await transition.WaitAsync(cancel);
        }
    }

    /// <summary>
    /// Moves the stored state from one value to the next once no request holds a pass; false if
    /// the state was no longer <paramref name="from"/>. Transitions run one at a time (the caller
    /// serialises them); a second one at once is a programming error.
    /// </summary>
    public async Task<bool> Move(PollsState from, PollsState to)
    {
        var moving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var emptied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_sync)
        {
            if (_moving is not null) throw new InvalidOperationException("one polls transition at a time");
            _moving = moving;
            _emptied = emptied;
            _state = null; // unknown until the move commits or fails: a failed move is read afresh
            if (_inside == 0) emptied.TrySetResult();
        }
        try
        {
            await emptied.Task;
            var moved = PollsRecord.Move(db, from, to);
            if (moved) lock (_sync) _state = to;
            return moved;
        }
        finally
        {
            lock (_sync)
            {
                _moving = null;
                _emptied = null;
            }
            moving.TrySetResult();
        }
    }

    internal void Leave()
    {
        lock (_sync)
        {
            _inside--;
            if (_inside == 0) _emptied?.TrySetResult();
        }
    }

    /// <summary>Why something that needs open polls was refused, said the same way everywhere.</summary>
    public static string Reason(PollsState state) => state switch
    {
        PollsState.NotOpen => "polls are not open yet",
        PollsState.Open => "polls are open",
        PollsState.Closed => "polls are closed",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown polls state"),
    };
}
