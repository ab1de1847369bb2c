namespace Vmre.Common.Acta;

/// <summary>
/// The acta de escrutinio y cómputo of a module (docs/formats/acta.md): votes per party, per
/// coalition combination, candidaturas no registradas (a count, never a name), votos nulos and
/// the total, in figures and in words; the reconciliation of votes against check-ins and testigos.
/// Version 2 (issue 9 point 6) adds <see cref="PaperRule"/> (the counters' rule for the paper in
/// the box) and the reconciliation per ballot style; both are null in a v1 acta. Version 3
/// (issue 10 point 3) adds <see cref="CountChecks"/>: per terminal, counted or refused, and what
/// the server found against its own redemption count and the terminal's count reports.
/// Version 4 (issue 11 point 5) adds <see cref="Supersedes"/>: the payload hashes of every acta
/// this module signed before it (a resumed closing), so that which acta is final is written in
/// the signed acta itself — the one no other acta supersedes.
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
    Reconciliation Reconciliation,
    string? PaperRule = null,
    IReadOnlyList<TerminalCountCheck>? CountChecks = null,
    IReadOnlyList<string>? Supersedes = null)
{
    public const string FormatV1 = "vmre-acta/1";
    public const string FormatV2 = "vmre-acta/2";
    /// <summary>Issue 10 point 3: adds <see cref="CountChecks"/>, each terminal's record against the server's own counts.</summary>
    public const string FormatV3 = "vmre-acta/3";
    /// <summary>Issue 11 point 5: adds <see cref="Supersedes"/> (empty for a module's first acta).</summary>
    public const string FormatV4 = "vmre-acta/4";
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
    IReadOnlyList<string> Discrepancies,
    IReadOnlyList<StyleReconciliation>? ByStyle = null);
