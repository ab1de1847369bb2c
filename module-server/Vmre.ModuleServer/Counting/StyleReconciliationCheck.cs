using Vmre.Common.Acta;

namespace Vmre.ModuleServer.Counting;

/// <summary>
/// The reconciliation per ballot style (issue 9 point 6): each style's check-ins, activations
/// issued and redeemed (the server's own tables) next to the votes of that style the counted
/// terminals sealed. A vote of a style needs a redeemed activation of that style; with no session
/// ended without a vote anywhere, each style's votes equal its redemptions exactly. (Sessions
/// without a vote are not recorded per style, so with some the check is only "not more".)
/// </summary>
public static class StyleReconciliationCheck
{
    public sealed record Result(IReadOnlyList<StyleReconciliation> Lines, IReadOnlyList<string> Errors);

    public static Result Of(IReadOnlyList<StyleLedgerCounts> styles, IReadOnlyDictionary<string, int> votesByStyle, int sessionsWithoutVote)
    {
        var lines = styles.Select(s => new StyleReconciliation(s.Style, s.CheckedIn, s.Issued, s.Redeemed, votesByStyle.GetValueOrDefault(s.Style))).ToArray();
        var errors = new List<string>();
        foreach (var line in lines)
        {
            if (line.VotersCheckedIn != line.ActivationsIssued)
                errors.Add($"ballot style {line.Style}: {line.VotersCheckedIn} voters checked in but {line.ActivationsIssued} activations issued");
            if (line.VotesSealed > line.ActivationsRedeemed)
                errors.Add($"ballot style {line.Style}: {line.VotesSealed} votes sealed but only {line.ActivationsRedeemed} activations of that style redeemed");
            else if (sessionsWithoutVote == 0 && line.VotesSealed < line.ActivationsRedeemed)
                errors.Add($"ballot style {line.Style}: {line.ActivationsRedeemed} activations redeemed but {line.VotesSealed} votes sealed");
        }
        // A style no package line names cannot come from a verified record (StyleFit refuses it).
        return new Result(lines, errors);
    }
}
