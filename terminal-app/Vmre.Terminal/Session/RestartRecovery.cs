using Vmre.Firmware.Session;

namespace Vmre.Terminal.Session;

/// <summary>
/// At start (rules.md R6; issue 9, design section 4): testigos a crash or power cut left printing
/// or printed were never accepted, so they are voided with reason POWER; then every mark owed is
/// printed (void marks, then acceptance marks of votes sealed before the cut) on the paper still
/// held at the printer's head, before any voter is served. A power cut does not cut paper. A
/// session the cut ended is counted as a session without a vote, so every redeemed activation is
/// still one sealed vote or one session without a vote, provided the store verified whole (issue 10
/// point 2). Only counts are logged (rules.md R3).
/// </summary>
public sealed class RestartRecovery
{
    private readonly VotingBooth _booth;

    internal RestartRecovery(VotingBooth booth) => _booth = booth;

    public void Run() => _booth.Step(s =>
    {
        // Issue 10 point 2: "redeemed - sealed - abandoned" is trusted only from a store that
        // verified whole; a deleted or re-stated row must never turn into a session without a vote.
        // Nothing is voided, counted or printed; the store refuses every change and the finding stands.
        var findings = _booth.Vault.IntegrityFindings;
        if (findings.Count > 0)
        {
            var codes = string.Join(", ", findings.Select(f => f.Code).Distinct());
            _booth.Log.Append("store-integrity-failure", null, new() { ["findings"] = codes.Replace(", ", ",") });
            // The terminal stops serving voters (ActivationGate refuses) and says why to the officials, who
            // close it: its closing record states the findings and the server does not count it.
            _booth.Alerts.Add($"Urna fuera de servicio: el almacén de votos no pasó la verificación ({codes}); cuente su papel / "
                + $"Out of service: the vote store failed verification ({codes}); count its paper");
            s.Message = "Urna fuera de servicio. Llame a un funcionario / Out of service. Call an official";
            return;
        }
        var lost = _booth.Vault.SessionsUnaccounted();
        for (var i = 0; i < lost; i++) _booth.Vault.SessionWithoutVote();
        if (lost > 0) _booth.Log.Append("sessions-lost-at-restart", null, new() { ["count"] = lost.ToString() });
        var unfinished = _booth.Testigos.VoidUnfinished();
        if (_booth.Testigos.MarksOwed == 0) { _booth.Devices.Show(s.State); return; }
        _booth.Fire(SessionEvent.PowerLost);
        if (unfinished > 0)
            _booth.Alerts.Add($"Se anularon {unfinished} testigos interrumpidos por un corte / {unfinished} testigos voided after a power cut");
        if (_booth.Testigos.PrintOwedMarks()) _booth.Fire(SessionEvent.Recovered);
        else
        {
            _booth.Fire(SessionEvent.PrintFailed);
            s.Message = "Urna fuera de servicio: no se pudo imprimir una marca pendiente en el testigo. Llame a un funcionario / "
                + "Out of service: a mark owed on the testigo paper could not print. Call an official";
        }
    });
}
