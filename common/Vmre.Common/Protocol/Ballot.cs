namespace Vmre.Common.Protocol;

/// <summary>What the ballot page shows: the contests of the activated ballot style, no voter data.</summary>
public sealed record BallotView(string ElectionName, string BallotStyle, IReadOnlyList<BallotContest> Contests);

public sealed record BallotContest(string ContestId, string Title, bool AllowsWriteIn, IReadOnlyList<BallotCandidacy> Candidacies);

public sealed record BallotCandidacy(string Candidate, string? CoalitionName, IReadOnlyList<BallotParty> Parties);

public sealed record BallotParty(string Code, string Name);

/// <summary>The voter's marks, from the ballot page. A contest with no parties and no write-in is "nothing marked".</summary>
public sealed record SelectionRequest(IReadOnlyList<ContestSelection> Contests);

public sealed record ContestSelection(string ContestId, IReadOnlyList<string>? Parties, string? WriteIn);

/// <summary>The review screen: each contest's selection in words, and how it will count.</summary>
public sealed record ReviewView(IReadOnlyList<ReviewLine> Lines);

public sealed record ReviewLine(string ContestId, string Title, string Selection, bool CountsAsNull);

public sealed record ActivationRequest(string Code);

public sealed record VerifyRequest(bool Accepted);

/// <summary>
/// The terminal's state for the ballot page, the officials' desk and the simulator. Alerts are
/// the device events officials must see (a testigo voided by a jam, the cover opened, paper low),
/// newest first, in words; they carry no time, testigo id or selection (rules.md R2, R3).
/// LastSession says how the previous voter's session ended ("Recorded" or "NoVote"; null before
/// the first and while a session runs) so the ballot page can tell a voter who accepted with the
/// physical button that the vote was recorded; it is cleared when the next session starts.
/// </summary>
public sealed record TerminalState(string TerminalId, string Polls, string Session, string? Message,
    string Paper = "Ok", IReadOnlyList<string>? Alerts = null, string? LastSession = null)
{
    /// <summary>Where a terminal serves it (the ballot page, the module server's desk and the simulator read it).</summary>
    public const string ApiPath = "/api/state";
}
