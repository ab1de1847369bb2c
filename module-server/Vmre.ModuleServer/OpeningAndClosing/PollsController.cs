using Vmre.Common.Serialization;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Activations;
using Vmre.ModuleServer.Officials;
using Vmre.ModuleServer.Polls;
using Vmre.ModuleServer.Storage;

namespace Vmre.ModuleServer.OpeningAndClosing;

/// <summary>
/// The polls state machine: not open → open → closed (final). Opening and closing need a
/// presidente/a or secretario/a session with the card on the reader (rules.md R8, issue 11
/// point 1: checked by the endpoint's DeskSignInFilter, and again here for the role); one transition
/// runs at a time. The state itself and who may act under it are below, in Polls/.
/// </summary>
public sealed class PollsController(ModuleDatabase db, PollsGate gate, PollsOpening opening, PollsClosing closing, EventLog log,
    VoterActivity activity)
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public async Task<Parsed<PollsOpenResponse>> Open(OfficialIdentity official, CancellationToken cancel)
    {
        if (Forbidden(official, "open-polls") is { } reason) return PollsAnswer.Refused<PollsOpenResponse>(PollsRefusal.Forbidden, reason);
        await _oneAtATime.WaitAsync(cancel);
        try
        {
            var state = PollsRecord.Read(db);
            switch (state)
            {
                case PollsState.NotOpen:
                    break;
                case PollsState.Open:
                    return PollsAnswer.Refused<PollsOpenResponse>(PollsRefusal.Conflict, "polls already open");
                case PollsState.Closed:
                    return PollsAnswer.Refused<PollsOpenResponse>(PollsRefusal.Conflict, "polls are closed");
                default:
                    throw new ArgumentOutOfRangeException(nameof(state), state, "unknown polls state");
            }
            log.Append("polls-open-requested", official.Actor);
            var terminals = await opening.CollectZeroReports(official.Actor, cancel);
            if (terminals.Count == 0 || terminals.Any(t => !t.ZeroReportOk))
            {
                var why = terminals.Count == 0 ? "the module config pairs no terminals" : "not every terminal gave a valid zero report";
                log.Append("polls-open-refused", official.Actor, new() { ["reason"] = why });
                return PollsAnswer.Refused<PollsOpenResponse>(PollsRefusal.Conflict, why, new PollsOpenResponse(PollsState.NotOpen, terminals));
            }
            if (!await gate.Move(PollsState.NotOpen, PollsState.Open))
                throw new InvalidOperationException("polls state changed while opening, outside the transition lock");
            log.Append("polls-opened", official.Actor, new() { ["terminals"] = terminals.Count.ToString() });
            return PollsAnswer.Done(new PollsOpenResponse(PollsState.Open, terminals));
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public async Task<Parsed<PollsCloseResponse>> Close(OfficialIdentity official, CancellationToken cancel)
    {
        if (Forbidden(official, "close-polls") is { } reason) return PollsAnswer.Refused<PollsCloseResponse>(PollsRefusal.Forbidden, reason);
        await _oneAtATime.WaitAsync(cancel);
        try
        {
            var state = PollsRecord.Read(db);
            switch (state)
            {
                case PollsState.NotOpen:
                    return PollsAnswer.Refused<PollsCloseResponse>(PollsRefusal.Conflict, "polls are not open");
                case PollsState.Open:
                    break;
                case PollsState.Closed:
                    // rules.md R6: "closed" is committed before the count, so a crash in between, or a
                    // terminal whose record was not counted, must be recoverable: count again until
                    // every paired terminal is in a signed acta; only then is closing final.
                    var pending = closing.Unfinished();
                    if (pending is null) return PollsAnswer.Refused<PollsCloseResponse>(PollsRefusal.Conflict, "polls already closed");
                    log.Append("closing-resumed", official.Actor, new() { ["reason"] = pending });
                    ForgetVotersAndFlush(official);
                    return PollsAnswer.Done(await closing.CountAndSign(official.Actor, cancel));
                default:
                    throw new ArgumentOutOfRangeException(nameof(state), state, "unknown polls state");
            }
            // Closed first (section 2.5): the gate lets the check-ins and redemptions under way
            // finish, and from this commit on none is let in.
            if (!await gate.Move(PollsState.Open, PollsState.Closed))
                throw new InvalidOperationException("polls state changed while closing, outside the transition lock");
            log.Append("polls-closed", official.Actor);
            ForgetVotersAndFlush(official);
            return PollsAnswer.Done(await closing.CountAndSign(official.Actor, cancel));
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>
    /// Issue 9 point 3, once the polls are closed (and again on a resumed close, after a crash in
    /// between): the links of unredeemed activations to their voters and check-in times are erased,
    /// and the voters' counts so far are written, before the count and the log seal, at the
    /// official's time rather than at the end of the hour.
    /// </summary>
    private void ForgetVotersAndFlush(OfficialIdentity official)
    {
        var erased = ActivationLedger.ForgetUnredeemed(db);
        if (erased > 0) log.Append("unredeemed-activations-forgotten", official.Actor, new() { ["count"] = erased.ToString() });
        activity.Flush();
    }

    private string? Forbidden(OfficialIdentity official, string purpose)
    {
        if (official.MayOpenAndClose) return null;
        var reason = $"a {official.Role} may not {purpose.Replace('-', ' ')}";
        log.Append("polls-refused", official.Actor, new() { ["purpose"] = purpose, ["reason"] = reason });
        return reason;
    }
}
