using Vmre.Common.Logging;
using Vmre.Common.Serialization;
using Vmre.Firmware.Session;

namespace Vmre.Terminal.Session;

/// <summary>
/// What an official does at the terminal itself (rules.md R8: card on the reader, PIN typed on
/// the screen): clear a fault, or end an interrupted voter session without a vote. Each step runs
/// under the booth's one lock. Nothing here can seal a vote.
/// </summary>
public sealed class OfficialSteps
{
    private readonly VotingBooth _booth;
    private readonly OfficialAtTerminal? _officials;

    internal OfficialSteps(VotingBooth booth, OfficialAtTerminal? officials)
    {
        _booth = booth;
        _officials = officials;
    }

    /// <summary>
    /// Printer ready again, owed marks printed first on the held paper (rules.md R1); a voter whose session
    /// was interrupted keeps their marks and confirms again.
    /// </summary>
    public Parsed<string> ClearFault(string pin) => _booth.Step(s =>
    {
        if (s.State is not (SessionState.Interrupted or SessionState.Fault))
            return Refused($"there is no fault to clear while {s.State}");
        var official = Official(pin);
        if (!official.IsOk) return Parsed<string>.Fail(official.Error!);
        if (_booth.Devices.Pending() is { } still) return Refused("the printer is still not ready: " + still);
        if (!_booth.Testigos.PrintOwedMarks()) return Refused("the mark owed on the testigo paper could not be printed; check the printer");
        var from = s.State;
        _booth.Fire(SessionEvent.FaultCleared);
        s.Message = null;
        _booth.Log.Append("fault-cleared", official.Value!, new() { ["from"] = SessionNames.Of(from) });
        _booth.Alerts.Add("Falla atendida por un funcionario / Fault cleared by an official");
        if (s.State == SessionState.Selecting) _booth.Touch();
        return Parsed<string>.Ok(s.State == SessionState.Selecting
            ? "Puede continuar: revise su selección y confirme de nuevo / You may continue: review and confirm again"
            : "Urna lista / Terminal ready");
    });

    /// <summary>An official ends an interrupted voter session without a vote (the voter cannot wait).</summary>
    public Parsed<string> EndInterruptedSession(string pin) => _booth.Step(s =>
    {
        if (s.State != SessionState.Interrupted)
            return Refused($"no interrupted session to end while {s.State}", "session-end-refused");
        var official = Official(pin);
        if (!official.IsOk) return Parsed<string>.Fail(official.Error!);
        _booth.Fire(SessionEvent.Cancel);
        _booth.Vault.SessionWithoutVote();
        _booth.Log.Append("session-ended-by-official", official.Value!);
        _booth.Alerts.Add("Sesión interrumpida terminada sin voto por un funcionario / Interrupted session ended without a vote");
        _booth.EndSession();
        return Parsed<string>.Ok("Sesión terminada sin voto / Session ended without a vote");
    });

    /// <summary>An official's step refused: a device-side line with its time, as officials' actions keep (issue 9 point 3).</summary>
    private Parsed<string> Refused(string reason, string evt = "fault-not-cleared")
    {
        _booth.Log.Append(evt, null, new() { ["reason"] = reason });
        return Parsed<string>.Fail(reason);
    }

    private Parsed<Actor> Official(string pin) =>
        _officials is null
            ? Parsed<Actor>.Fail("this terminal has no official card reader")
            : _officials.Check(pin).Then(who => Parsed<Actor>.Ok(new Actor(who.Role.ToString(), who.CredentialId)));
}
