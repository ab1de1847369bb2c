namespace Vmre.Common.Closing;

/// <summary>
/// A terminal's closing record (constancia de cierre), signed by its TPM key
/// (docs/formats/closing-record.md). Totals per contest and tally key; no individual vote,
/// no order (rules.md R3). Version 2 adds <see cref="SessionsWithoutVote"/>: a voter may leave
/// without voting (cancel, time-out, an interruption an official ended, a power cut), so the
/// redeemed activations reconcile as votes sealed plus sessions without a vote.
/// Version 3 (issue 9 point 6) adds <see cref="VotesByStyle"/>, so the server can check every
/// contest's total against the ballots that carry it, and the marks still owed on paper
/// (<see cref="VoidMarksOwed"/>, <see cref="AcceptanceMarksOwed"/>): a sealed vote whose
/// <c>VOTO EMITIDO</c> never printed is not counted by the paper recount. <see cref="AcceptanceMarksTorn"/>
/// (issue 9 review): sealed votes whose VOTO EMITIDO job failed after paper may have left, so the
/// held testigo may have been torn off unmarked and the paper can count that many less. They are null only in
/// v1 and v2 records, which the server refuses by name.
/// Version 4 (issue 10 point 2) adds <see cref="StoreFindings"/>: what the vote store's integrity
/// check found at closing, empty when the store verified whole. The server refuses v1–v3 by name.
/// </summary>
public sealed record ClosingRecord(
    string Format, string TerminalId, string ModuleId, string PackageHash,
    string Utc, string Local, string CommandNonce,
    int VotesSealed, int TestigosPrinted, int TestigosVoided, int ActivationsRedeemed,
    IReadOnlyList<ContestTally> Contests, string LogHead, int SessionsWithoutVote = 0,
    IReadOnlyList<StyleVotes>? VotesByStyle = null, int? VoidMarksOwed = null, int? AcceptanceMarksOwed = null,
    int? AcceptanceMarksTorn = null, IReadOnlyList<IntegrityFinding>? StoreFindings = null)
{
    /// <summary>Released with the walking skeleton; no longer written, refused by the module server.</summary>
    public const string FormatV1 = "vmre-closing-record/1";
    /// <summary>Issue 3; no longer written, refused by the module server (it has no votes per ballot style).</summary>
    public const string FormatV2 = "vmre-closing-record/2";
    /// <summary>Issue 9; no longer written, refused by the module server (it cannot state the store's integrity).</summary>
    public const string FormatV3 = "vmre-closing-record/3";
    public const string FormatV4 = "vmre-closing-record/4";
}

/// <summary>
/// Per contest, the count of each tally key. <see cref="Total"/> is derived from the lines and
/// written for the reader only: a reader never takes a written total (closing-record.md).
/// </summary>
public sealed record ContestTally(string ContestId, IReadOnlyList<TallyLine> Lines)
{
    public int Total => Lines.Sum(l => l.Count);
}

public sealed record TallyLine(string Key, int Count);
