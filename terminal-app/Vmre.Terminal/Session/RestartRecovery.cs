using Vmre.Common.Logging;
using Vmre.Firmware.Session;

namespace Vmre.Terminal.Session;

/// <summary>
/// At start (rules.md R6): testigos a crash or power cut left unfinished are voided, and each gets
/// its voiding notice before any voter is served. A session the cut ended is counted as a session
/// without a vote, so every redeemed activation is still one sealed vote or one session without a
/// vote. Only counts are logged (rules.md R3).
/// </summary>
public sealed class RestartRecovery
{
    private readonly VotingBooth _booth;

    internal RestartRecovery(VotingBooth booth) => _booth = booth;

    public void Run() => _booth.Step(s =>
    {
        var lost = _booth.Vault.SessionsUnaccounted();
        for (var i = 0; i < lost; i++) _booth.Vault.SessionWithoutVote();
        if (lost > 0) _booth.Log.Append("sessions-lost-at-restart", null, new() { ["count"] = lost.ToString() });
        var unfinished = _booth.Testigos.VoidUnfinished();
        if (_booth.Testigos.NoticesOwed == 0) { _booth.Devices.Show(s.State); return; }
        _booth.Fire(SessionEvent.PowerLost);
        _booth.Alerts.Add($"Se anularon {unfinished} testigos interrumpidos por un corte / {unfinished} testigos voided after a power cut");
        if (_booth.Testigos.PrintOwedNotices()) _booth.Fire(SessionEvent.Recovered);
        else
        {
            _booth.Fire(SessionEvent.PrintFailed);
            s.Message = "Urna fuera de servicio: no se pudo imprimir la constancia de anulación. Llame a un funcionario / "
                + "Out of service: a voiding notice could not print. Call an official";
        }
    });
}
