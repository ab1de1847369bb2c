using Vmre.Common.Acta;
using Vmre.Common.Closing;

namespace Vmre.ModuleServer.Counting;

/// <summary>
/// Every vote needs a check-in, a redeemed activation and a testigo (brief rule 1 and
/// section 2.5); each difference is named in words on the acta. Activations issued but never
/// used are stated too, though they are not an error of the count.
/// </summary>
public static class ReconciliationCheck
{
    public static Reconciliation Of(
        IReadOnlyList<ClosingRecord> counted, IReadOnlyList<string> refusedTerminals,
        int checkedIn, int issued, int redeemed)
    {
        var sealedVotes = counted.Sum(r => r.VotesSealed);
        var terminalRedeemed = counted.Sum(r => r.ActivationsRedeemed);
        var printed = counted.Sum(r => r.TestigosPrinted);
        var voided = counted.Sum(r => r.TestigosVoided);
        var errors = new List<string>();

        foreach (var refused in refusedTerminals) errors.Add(refused);
        if (sealedVotes != terminalRedeemed)
            errors.Add($"terminals sealed {sealedVotes} votes but redeemed {terminalRedeemed} activations");
        if (terminalRedeemed != redeemed)
            errors.Add($"terminals report {terminalRedeemed} activations redeemed, the module server burned {redeemed}");
        if (printed != sealedVotes + voided)
            errors.Add($"{printed} testigos printed, expected {sealedVotes + voided} ({sealedVotes} votes sealed + {voided} testigos voided)");
        if (checkedIn != issued)
            errors.Add($"{checkedIn} voters checked in but {issued} activations issued");

        var statements = new List<string>(errors);
        var unused = issued - redeemed;
        if (unused > 0) statements.Add($"{unused} activations issued but never used");

        return new Reconciliation(checkedIn, issued, redeemed, sealedVotes, printed, voided, errors.Count == 0, statements);
    }
}
