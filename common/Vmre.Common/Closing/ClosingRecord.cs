namespace Vmre.Common.Closing;

/// <summary>
/// A terminal's closing record (constancia de cierre), signed by its TPM key
/// (docs/formats/closing-record.md). Totals per contest and tally key; no individual vote,
/// no order (rules.md R3). Version 2 adds <see cref="SessionsWithoutVote"/>: a voter may leave
/// without voting (cancel, time-out, an interruption an official ended, a power cut), so the
/// redeemed activations reconcile as votes sealed plus sessions without a vote.
/// </summary>
public sealed record ClosingRecord(
    string Format, string TerminalId, string ModuleId, string PackageHash,
    string Utc, string Local, string CommandNonce,
    int VotesSealed, int TestigosPrinted, int TestigosVoided, int ActivationsRedeemed,
    IReadOnlyList<ContestTally> Contests, string LogHead, int SessionsWithoutVote = 0)
{
    /// <summary>Released with the walking skeleton; no longer written, refused by the module server.</summary>
    public const string FormatV1 = "vmre-closing-record/1";
    public const string FormatV2 = "vmre-closing-record/2";
}

public sealed record ContestTally(string ContestId, IReadOnlyList<TallyLine> Lines)
{
    public int Total => Lines.Sum(l => l.Count);
}

public sealed record TallyLine(string Key, int Count);
