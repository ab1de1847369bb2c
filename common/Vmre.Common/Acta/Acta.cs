namespace Vmre.Common.Acta;

/// <summary>
/// The acta de escrutinio y cómputo of a module (docs/formats/acta.md): votes per party, per
/// coalition combination, candidaturas no registradas, votos nulos and the total, in figures
/// and in words; the reconciliation of votes against check-ins and testigos.
/// </summary>
public sealed record Acta(
    string Format,
    string ElectionId,
    string ElectionName,
    string ModuleId,
    string ModuleName,
    string PackageHash,
    string Utc,
    string Local,
    IReadOnlyList<string> Terminals,
    IReadOnlyList<ActaContest> Contests,
    Reconciliation Reconciliation)
{
    public const string FormatV1 = "vmre-acta/1";
}

public sealed record ActaContest(string ContestId, string Title, IReadOnlyList<ActaLine> Lines, int Total, string TotalWords);

public sealed record ActaLine(string Key, string Label, int Votes, string Words);

/// <summary>Every vote has a check-in, a redeemed activation and a testigo; any difference is named.</summary>
public sealed record Reconciliation(
    int VotersCheckedIn,
    int ActivationsIssued,
    int ActivationsRedeemed,
    int VotesSealed,
    int TestigosPrinted,
    int TestigosVoided,
    bool Reconciled,
    IReadOnlyList<string> Discrepancies);
