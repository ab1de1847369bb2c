namespace Vmre.Terminal.Votes;

/// <summary>
/// What the zero report and the closing record state of this terminal: counts only, never a selection (rules.md R3).
/// <paramref name="VoidMarksOwed"/> (vault rows <c>voiding</c>: an ANULADO still to print) and
/// <paramref name="AcceptanceMarksOwed"/> (rows <c>sealed</c>: a VOTO EMITIDO still to print) go
/// into closing record v3 (issue 9 points 4 and 6); the vault fills them (branch booth-flow), and
/// until it does they stay 0. <paramref name="AcceptanceMarksTorn"/>: sealed votes whose VOTO EMITIDO
/// job failed after paper may have left, so the paper can count that many less (issue 9 review).
/// </summary>
public sealed record VoteTotals(int VotesSealed, int TestigosPrinted, int TestigosVoided, int ActivationsRedeemed, int SessionsWithoutVote,
    int VoidMarksOwed = 0, int AcceptanceMarksOwed = 0, int AcceptanceMarksTorn = 0);
