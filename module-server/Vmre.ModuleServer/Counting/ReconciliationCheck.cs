using Vmre.Common.Acta;
using Vmre.Common.Closing;

namespace Vmre.ModuleServer.Counting;

/// <summary>
/// Every vote needs a check-in, a redeemed activation and a testigo (rules.md R1 and
/// section 2.5); each difference is named in words on the acta. Activations issued but never
/// used are stated too, though they are not an error of the count. Issue 9 point 6: the same
/// per ballot style (<see cref="StyleReconciliationCheck"/>), and every mark still owed on paper
/// is a discrepancy, since the paper recount cannot agree with the record until it prints.
/// </summary>
public static class ReconciliationCheck
{
    public static Reconciliation Of(
        IReadOnlyList<ClosingRecord> counted, IReadOnlyList<string> refusedTerminals,
        int checkedIn, int issued, int redeemed,
        IReadOnlyList<StyleLedgerCounts>? styles = null, IReadOnlyDictionary<string, int>? votesByStyle = null)
    {
        var sealedVotes = counted.Sum(r => r.VotesSealed);
        var terminalRedeemed = counted.Sum(r => r.ActivationsRedeemed);
        var printed = counted.Sum(r => r.TestigosPrinted);
        var voided = counted.Sum(r => r.TestigosVoided);
        var withoutVote = counted.Sum(r => r.SessionsWithoutVote);
        var errors = new List<string>();

        foreach (var refused in refusedTerminals) errors.Add(refused);
        // Every redeemed activation ends as one sealed vote or one session without a vote.
        if (sealedVotes + withoutVote != terminalRedeemed)
            errors.Add($"terminals redeemed {terminalRedeemed} activations but sealed {sealedVotes} votes and ended {withoutVote} sessions without a vote");
        if (terminalRedeemed != redeemed)
            errors.Add($"terminals report {terminalRedeemed} activations redeemed, the module server burned {redeemed}");
        if (printed != sealedVotes + voided)
            errors.Add($"{printed} testigos printed, expected {sealedVotes + voided} ({sealedVotes} votes sealed + {voided} testigos voided)");
        if (checkedIn != issued)
            errors.Add($"{checkedIn} voters checked in but {issued} activations issued");
        foreach (var r in counted.OrderBy(r => r.TerminalId, StringComparer.Ordinal))
        {
            if (r.AcceptanceMarksOwed is > 0)
                errors.Add($"terminal {r.TerminalId}: {r.AcceptanceMarksOwed} sealed votes without their VOTO EMITIDO mark on paper (the paper recount will not count them)");
            if (r.VoidMarksOwed is > 0)
                errors.Add($"terminal {r.TerminalId}: {r.VoidMarksOwed} voided testigos without their ANULADO mark on paper (the paper recount will not count them, but they show a selection)");
        }

        IReadOnlyList<StyleReconciliation>? byStyle = null;
        if (styles is not null)
        {
            var perStyle = StyleReconciliationCheck.Of(styles, votesByStyle ?? new Dictionary<string, int>(), withoutVote);
            byStyle = perStyle.Lines;
            errors.AddRange(perStyle.Errors);
        }

        var statements = new List<string>(errors);
        // Issue 9 review (rules.md R1, R6): a VOTO EMITIDO job that failed after paper may have
        // left may have torn the held testigo off unmarked. The record says how many; the
        // paper may count that many less. A stated difference, not an error: the acta accepts
        // exactly that shortfall of the paper against the electronic count, and names it.
        foreach (var r in counted.OrderBy(r => r.TerminalId, StringComparer.Ordinal))
        {
            if (r.AcceptanceMarksTorn is { } torn && torn > 0)
                statements.Add($"terminal {r.TerminalId}: {torn} votos sellados cuyo testigo pudo salir sin VOTO EMITIDO: el papel puede contar {torn} menos");
        }
        var unused = issued - redeemed;
        if (unused > 0) statements.Add($"{unused} activations issued but never used");
        if (withoutVote > 0) statements.Add($"{withoutVote} voting sessions ended without a vote (cancelled, timed out, interrupted or cut by a power loss)");

        return new Reconciliation(checkedIn, issued, redeemed, sealedVotes, printed, voided, errors.Count == 0, statements, byStyle);
    }
}
