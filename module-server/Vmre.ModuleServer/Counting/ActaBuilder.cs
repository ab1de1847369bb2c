using Vmre.Common.Acta;
using Vmre.Common.Election;
using Vmre.Common.Module;
using Vmre.Common.Time;

namespace Vmre.ModuleServer.Counting;

/// <summary>
/// The acta de escrutinio y cómputo (brief section 2.5): every line of every contest in acta
/// order — parties, combinations, CNR, NULO — in figures and in words, even when zero. CNR is a
/// count: no write-in name reaches the server (closing records carry tally keys only), so none
/// can reach the acta (issue 9 point 6). Version 2 states the counters' paper rule; version 3 each
/// terminal's count check (issue 10 point 3); version 4 the actas it supersedes (issue 11 point 5).
/// </summary>
public static class ActaBuilder
{
    public static Acta Build(
        ElectionPackage package, ModuleConfig config, string packageHash, Stamp stamp,
        IReadOnlyList<string> terminals, Tally tally, Reconciliation reconciliation, IReadOnlyList<TerminalCountCheck>? countChecks = null,
        IReadOnlyList<string>? supersedes = null)
    {
        var contests = package.Contests.Select(contest =>
        {
            var lines = BallotRules.ActaLines(contest)
                .Select(l => new ActaLine(l.Key, ActaLabels.Of(package, l), tally[contest.Id, l.Key], SpanishNumber.Words(tally[contest.Id, l.Key])))
                .ToArray();
            var total = lines.Sum(l => l.Votes);
            return new ActaContest(contest.Id, contest.Title, lines, total, SpanishNumber.Words(total));
        }).ToArray();

        return new Acta(Acta.FormatV4, package.ElectionId, package.Name, config.ModuleId, config.Name, packageHash,
            stamp.UtcText, stamp.LocalText, terminals.OrderBy(t => t, StringComparer.Ordinal).ToArray(), contests, reconciliation, PaperRule.Text,
            (countChecks ?? []).OrderBy(c => c.TerminalId, StringComparer.Ordinal).ToArray(),
            (supersedes ?? []).Order(StringComparer.Ordinal).ToArray());
    }
}
