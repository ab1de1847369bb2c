using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Logging;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Session;
using Vmre.Firmware.Signals;

namespace Vmre.Terminal.Session;

/// <summary>
/// Device faults, officials at the terminal, and recovery after a power cut. A fault during a
/// voter's session interrupts it (the marks are kept, any testigo in flight is voided); an
/// official clears it with their card and PIN (brief rule 8) once the printer is ready, the owed
/// voiding notices print first, and the voter confirms again. Nothing here can seal a vote.
/// </summary>
public sealed partial class VotingBooth
{
    private readonly Dictionary<string, VoidReason> _noticeReasons = new();
    private bool _coverOpen;

    /// <summary>The cover/tamper switch changed (GPIO). Opening it is a fault in any state.</summary>
    public void CoverChanged(bool open)
    {
        lock (_gate)
        {
            if (open == _coverOpen) return;
            _coverOpen = open;
            log.Append(open ? "cover-opened" : "cover-closed");
            if (open) Fault(SessionEvent.CoverOpened, "the printer cover was opened");
            else Alerts.Add("Tapa cerrada / Cover closed");
        }
    }

    /// <summary>The paper sensors changed (GPIO). Paper out is a fault; paper low only warns.</summary>
    public void PaperChanged(PaperLevel level)
    {
        lock (_gate)
        {
            if (level == _paper) return;
            _paper = level;
            log.Append("paper-level", null, new() { ["level"] = level.ToString() });
            if (level == PaperLevel.Low) Alerts.Add("Papel por terminarse: cambie el rollo al terminar el votante actual / Paper low");
            if (level == PaperLevel.Out) Fault(SessionEvent.PrinterFault, "the printer is out of paper");
            ShowLights();
        }
    }

    /// <summary>An official clears a fault: card on the reader, PIN typed on the screen, printer ready again.</summary>
    public BoothResult<string> ClearFault(string pin)
    {
        lock (_gate)
        {
            if (_session.State is not (SessionState.Interrupted or SessionState.Fault))
                return Refuse<string>("fault-not-cleared", $"there is no fault to clear while {_session.State}");
            var official = Official(pin);
            if (!official.Ok) return BoothResult<string>.Refused(official.Refusal!);
            if (PendingDeviceFault() is { } still) return Refuse<string>("fault-not-cleared", "the printer is still not ready: " + still);
            if (!PrintOwedNotices()) return Refuse<string>("fault-not-cleared", "the voiding notice could not be printed; check the printer");
            var from = _session.State;
            Fire(SessionEvent.FaultCleared);
            Message = null;
            var who = official.Value!;
            log.Append("fault-cleared", new Actor(who.Role.ToString(), who.CredentialId), new() { ["from"] = SessionNames.Of(from) });
            Alerts.Add("Falla atendida por un funcionario / Fault cleared by an official");
            if (_session.State == SessionState.Selecting) Touch();
            return BoothResult<string>.Done(_session.State == SessionState.Selecting
                ? "Puede continuar: revise su selección y confirme de nuevo / You may continue: review and confirm again"
                : "Urna lista / Terminal ready");
        }
    }

    /// <summary>An official ends an interrupted voter session without a vote (the voter cannot wait).</summary>
    public BoothResult<string> EndInterruptedSession(string pin)
    {
        lock (_gate)
        {
            if (_session.State != SessionState.Interrupted)
                return Refuse<string>("session-end-refused", $"no interrupted session to end while {_session.State}");
            var official = Official(pin);
            if (!official.Ok) return BoothResult<string>.Refused(official.Refusal!);
            Fire(SessionEvent.Cancel);
            store.Increment(SessionsAbandoned);
            var who = official.Value!;
            log.Append("session-ended-by-official", new Actor(who.Role.ToString(), who.CredentialId));
            Alerts.Add("Sesión interrumpida terminada sin voto por un funcionario / Interrupted session ended without a vote");
            EndSession();
            return BoothResult<string>.Done("Sesión terminada sin voto / Session ended without a vote");
        }
    }

    /// <summary>
    /// At start (brief rule 6): testigos left printing or printed by a crash or power cut were never
    /// accepted, so they are voided, and each gets its voiding notice before any voter is served.
    /// A session the cut ended is counted as a session without a vote, so every redeemed
    /// activation is still one sealed vote or one session without a vote. Only counts are logged.
    /// </summary>
    public void RecoverAfterRestart()
    {
        lock (_gate)
        {
            var lost = store.Counter(ActivationsRedeemed) - store.Counts().Sealed - store.Counter(SessionsAbandoned);
            for (var i = 0; i < lost; i++) store.Increment(SessionsAbandoned);
            if (lost > 0) log.Append("sessions-lost-at-restart", null, new() { ["count"] = lost.ToString() });
            var unfinished = store.UnfinishedTestigos();
            foreach (var id in unfinished) store.VoidWithNotice(id);
            if (unfinished.Count > 0)
                log.Append("unfinished-testigos-voided", null, new() { ["count"] = unfinished.Count.ToString() });
            if (store.NoticesOwed().Count == 0) { ShowLights(); return; }
            Fire(SessionEvent.PowerLost);
            Alerts.Add($"Se anularon {unfinished.Count} testigos interrumpidos por un corte / {unfinished.Count} testigos voided after a power cut");
            if (PrintOwedNotices()) Fire(SessionEvent.Recovered);
            else
            {
                Fire(SessionEvent.PrintFailed);
                Message = "Urna fuera de servicio: no se pudo imprimir la constancia de anulación. Llame a un funcionario / "
                    + "Out of service: a voiding notice could not print. Call an official";
            }
        }
    }

    /// <summary>A device fault: interrupts a session (voiding any testigo in flight) or takes an idle terminal out of service.</summary>
    private void Fault(SessionEvent evt, string detail)
    {
        var result = _session.Fire(evt);
        if (!result.Ok) return; // e.g. paper runs out while the voter checks a whole testigo: handled when the session ends
        VoidInFlight(result, evt == SessionEvent.CoverOpened ? VoidReason.CoverOpened : VoidReason.PrinterFault, mayBeOnPaper: true);
        Message = result.To == SessionState.Interrupted
            ? "Votación interrumpida: " + detail + ". Su voto NO se ha registrado; espere a un funcionario / Voting interrupted: your vote is NOT recorded yet; wait for an official"
            : "Urna fuera de servicio: " + detail + ". Llame a un funcionario / Out of service: call an official";
        Alerts.Add(detail);
        log.Append("device-fault", null, new() { ["event"] = SessionNames.Of(evt), ["detail"] = detail, ["state"] = SessionNames.Of(result.To) });
        ShowLights();
    }

    /// <summary>Why the printer cannot print now, or null when it can.</summary>
    private string? PendingDeviceFault()
    {
        if (_coverOpen) return "the printer cover is open";
        if (_paper == PaperLevel.Out) return "the printer is out of paper";
        var status = printer.Status();
        return status == PrinterCondition.Ready ? null : "printer status " + status;
    }

    /// <summary>Prints every owed voiding notice; false at the first that fails (it stays owed).</summary>
    private bool PrintOwedNotices()
    {
        foreach (var id in store.NoticesOwed())
        {
            var reason = _noticeReasons.GetValueOrDefault(id, VoidReason.PowerLoss);
            var notice = VoidingNotice.Compose(election, terminalId, id, reason);
            var outcome = PrinterCalls.TryPrint(printer, notice);
            if (!outcome.Printed)
            {
                log.Append("voiding-notice-failed", null, new() { ["condition"] = outcome.Condition.ToString(), ["reason"] = outcome.Reason ?? "" });
                return false;
            }
            store.NoticePrinted(id);
            _noticeReasons.Remove(id);
            log.Append("voiding-notice-printed", null, new() { ["reason"] = VoidReasonCodes.CodeOf(reason) });
        }
        return true;
    }

    private BoothResult<Common.Module.OfficialEntry> Official(string pin) =>
        officials is null
            ? BoothResult<Common.Module.OfficialEntry>.Refused("this terminal has no official card reader")
            : officials.Check(pin);
}
