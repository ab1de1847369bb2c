namespace Vmre.Terminal.Votes;

/// <summary>What the zero report and the closing record state of this terminal: counts only, never a selection (rules.md R3).</summary>
public sealed record VoteTotals(int VotesSealed, int TestigosPrinted, int TestigosVoided, int ActivationsRedeemed, int SessionsWithoutVote);
