using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Session;

/// <summary>
/// The testigo: printed whole and acknowledged by the printer, seen by the voter, and only then
/// sealed (brief rule 1). Any testigo that does not end sealed is voided, and if any of it may be
/// on paper a voiding notice naming it follows, so the paper recount leaves it out.
/// </summary>
public sealed partial class VotingBooth
{
    public const string TestigoRefusedByPrinter = "the testigo could not be printed: ";

    /// <summary>Print the testigo. The vote is not sealed yet: the voter must see the paper first.</summary>
    public BoothResult<ReviewView> Confirm()
    {
        lock (_gate)
        {
            if (_session.State != SessionState.Reviewing || _markings is null || _style is null)
                return Refuse<ReviewView>("confirm-refused", $"nothing to confirm while {_session.State}");
            if (_session.TestigosPrinted >= VotingSession.MaxTestigos)
                return Refuse<ReviewView>("confirm-refused", $"this session already printed {VotingSession.MaxTestigos} testigos; call an official");
            // Compose and record the testigo before the session leaves Reviewing: a failure while
            // composing must not strand the session in Printing (rules 4, 6).
            var testigo = Testigo.Compose(election, _style, _markings);
            store.BeginPrinting(testigo.Id);
            _testigo = testigo;
            Fire(SessionEvent.Confirm);
            Touch();
            var outcome = PrinterCalls.TryPrint(printer, testigo.Ticket);
            if (!outcome.Printed)
            {
                var failed = Fire(SessionEvent.PrintFailed);
                VoidInFlight(failed, VoidReason.PrinterFault, outcome.PaperMayHaveLeft);
                Message = "La impresora falló; su voto NO se registró. Llame a un funcionario / "
                    + "Printer fault: your vote was NOT recorded. Call an official";
                Alerts.Add(outcome.PaperMayHaveLeft
                    ? $"Testigo anulado: la impresora falló a media impresión ({outcome.Condition}); se imprimirá la constancia de anulación"
                    : $"La impresora no estaba lista ({outcome.Condition}); no se imprimió testigo");
                log.Append("testigo-print-failed", null, new()
                {
                    ["condition"] = outcome.Condition.ToString(),
                    ["reason"] = outcome.Reason ?? "",
                    ["paperMayHaveLeft"] = outcome.PaperMayHaveLeft ? "true" : "false",
                });
                return BoothResult<ReviewView>.Refused(TestigoRefusedByPrinter + outcome.Reason);
            }
            store.Printed(testigo.Id);
            Fire(SessionEvent.PrintSucceeded);
            log.Append("testigo-printed", Actor.Voter);
            return BoothResult<ReviewView>.Done(Review());
        }
    }

    /// <summary>The voter has seen the testigo: seal the vote, sound the tone, return to idle.</summary>
    public BoothResult<string> Accept()
    {
        lock (_gate)
        {
            if (_session.State != SessionState.VoterVerifying || _testigo is null)
                return Refuse<string>("accept-refused", $"no printed testigo to accept while {_session.State}");
            store.Seal(_testigo.Id, SealedVote.Seal(storageKey, _testigo.Id, _testigo.Payload));
            Fire(SessionEvent.VoterAccepted);
            log.Append("vote-sealed", Actor.Voter);
            VoteRecorded?.Invoke();
            EndSession();
            return BoothResult<string>.Done("Su voto fue registrado / Your vote was recorded");
        }
    }

    /// <summary>
    /// The testigo does not show what the voter chose: it is voided with a printed notice and the
    /// voter marks again (at most <see cref="VotingSession.MaxTestigos"/> testigos per session).
    /// </summary>
    public BoothResult<ReviewView> Reject()
    {
        lock (_gate)
        {
            if (_session.State != SessionState.VoterVerifying || _testigo is null)
                return Refuse<ReviewView>("reject-refused", $"no printed testigo to reject while {_session.State}");
            var result = Fire(SessionEvent.VoterRejected);
            VoidInFlight(result, VoidReason.VoterRejected, mayBeOnPaper: true);
            log.Append("testigo-rejected-by-voter", Actor.Voter);
            if (!PrintOwedNotices()) Fault(SessionEvent.PrinterFault, "a voiding notice could not print");
            if (_session.State == SessionState.Voided)
            {
                store.Increment(SessionsAbandoned);
                Alerts.Add($"Un votante rechazó {VotingSession.MaxTestigos} testigos; la sesión terminó sin voto");
                EndSession();
                return BoothResult<ReviewView>.Refused($"{VotingSession.MaxTestigos} testigos rejected: the session ended without a vote; call an official");
            }
            if (_session.State != SessionState.Selecting)
                return BoothResult<ReviewView>.Refused("the voiding notice could not print; wait for an official");
            Touch();
            return BoothResult<ReviewView>.Done(Review());
        }
    }

    /// <summary>The physical confirm button, as the firmware read it: confirm while reviewing, accept while verifying.</summary>
    public void ButtonPressed(SessionEvent meaning)
    {
        log.Append("confirm-button", Actor.Voter, new() { ["meaning"] = SessionNames.Of(meaning) });
        if (meaning == SessionEvent.Confirm) Confirm();
        else if (meaning == SessionEvent.VoterAccepted) Accept();
    }

    /// <summary>Raised after a vote is sealed (the terminal sounds its tone, as the urna 7.0 does).</summary>
    public event Action? VoteRecorded;

    /// <summary>Void the testigo in flight if the transition says so; a notice is owed when any of it may be on paper.</summary>
    private void VoidInFlight(TransitionResult transition, VoidReason reason, bool mayBeOnPaper)
    {
        if (!transition.VoidsTestigo || _testigo is null) return;
        if (mayBeOnPaper)
        {
            store.VoidWithNotice(_testigo.Id);
            _noticeReasons[_testigo.Id] = reason;
        }
        else store.Voided(_testigo.Id);
        // Never the id in the log: it is on the paper in the box (brief rule 3).
        log.Append("testigo-voided", null, new()
        {
            ["reason"] = VoidReasonCodes.CodeOf(reason),
            ["noticeOwed"] = mayBeOnPaper ? "true" : "false",
        });
        _testigo = null;
    }
}
