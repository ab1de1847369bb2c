using Vmre.Common.Acta;
using Vmre.Common.Closing;

namespace Vmre.ModuleServer.Counting;

/// <summary>
/// A verified closing record against what the server knows without trusting the terminal (issue 10
/// point 3): the activations it burned for that terminal, and the counts the terminal reported
/// during the day. Refused (not counted: its signature verifies but its numbers are impossible for
/// a genuine, whole store; the paper of that terminal is then the count, rules.md R1):
/// a store that failed its integrity check; more redemptions than the server burned for it; a
/// counter below one it already reported (counters never go down: votes were lost or an older
/// store was restored); numbers other than the report it sent at polls close (no session can end
/// between that report and the record). Flagged (counted, named as a discrepancy): fewer
/// redemptions than the server burned (an answer lost after the burn is possible); no report at
/// polls close received (the LAN may fail; the other checks still hold); an older store epoch
/// reported after a newer one. Contest totals against the ballot styles and votesSealed against
/// votesByStyle are <c>StyleFit</c>'s refusals.
/// </summary>
public static class CountCheck
{
    public sealed record Verdict(CountFinding? Refusal, IReadOnlyList<CountFinding> Flags);

    public static Verdict Of(ClosingRecord r, HeldCounts? held, int serverRedeemed)
    {
        if (r.StoreFindings is { Count: > 0 } findings)
        {
            var named = string.Join("; ", findings.Select(f => $"{f?.Code}: {f?.Detail}"));
            return Refuse("store-findings", $"el almacén de votos no pasó su verificación de integridad ({named}): no se cuenta, cuente su papel",
                $"the vote store failed its integrity check ({named}): not counted, count its paper");
        }
        if (r.ActivationsRedeemed > serverRedeemed)
            return Refuse("redeemed-above-server", $"el registro dice {r.ActivationsRedeemed} activaciones usadas, el servidor quemó {serverRedeemed} para esta urna",
                $"the record states {r.ActivationsRedeemed} activations redeemed, the server burned {serverRedeemed} for this terminal");
        if (held is not null)
        {
            var below = Below("votesSealed", r.VotesSealed, held.MaxSealed) ?? Below("sessionsWithoutVote", r.SessionsWithoutVote, held.MaxSessionsWithoutVote)
                ?? Below("activationsRedeemed", r.ActivationsRedeemed, held.MaxActivationsRedeemed);
            if (below is not null) return new Verdict(below, []);
            if (held.AtClose && (r.VotesSealed, r.SessionsWithoutVote, r.ActivationsRedeemed) != (held.Sealed, held.SessionsWithoutVote, held.ActivationsRedeemed))
                return Refuse("differs-from-close-report",
                    $"el registro ({r.VotesSealed} votos, {r.SessionsWithoutVote} sin voto, {r.ActivationsRedeemed} activaciones) difiere del reporte al cierre ({held.Sealed}, {held.SessionsWithoutVote}, {held.ActivationsRedeemed})",
                    $"the record ({r.VotesSealed} votes, {r.SessionsWithoutVote} without a vote, {r.ActivationsRedeemed} activations) differs from the report at polls close ({held.Sealed}, {held.SessionsWithoutVote}, {held.ActivationsRedeemed})");
        }
        var flags = new List<CountFinding>();
        if (r.ActivationsRedeemed < serverRedeemed)
            flags.Add(Finding("redeemed-below-server", $"el servidor quemó {serverRedeemed} activaciones para esta urna, el registro dice {r.ActivationsRedeemed}",
                $"the server burned {serverRedeemed} activations for this terminal, the record states {r.ActivationsRedeemed}"));
        if (held is not { AtClose: true })
            flags.Add(Finding("no-close-report", "no llegó el reporte de cuentas al cierre: el registro no se pudo comparar con él",
                "no count report at polls close arrived: the record could not be compared with it"));
        if (held is { EpochWentBack: true })
            flags.Add(Finding("store-epoch-went-back", "un reporte de cuentas nombró una época del almacén anterior a otra ya reportada",
                "a count report named an older vote store epoch than one already reported"));
        return new Verdict(null, flags);
    }

    private static CountFinding? Below(string counter, int stated, int reported) => stated >= reported ? null
        : Finding("below-reported", $"{counter} = {stated} en el registro, menor que {reported} ya reportado durante la jornada",
            $"{counter} = {stated} in the record, lower than {reported} already reported during the day");

    private static Verdict Refuse(string code, string es, string en) => new(Finding(code, es, en), []);

    private static CountFinding Finding(string code, string es, string en) => new(code, $"{es} / {en}");
}
