using Vmre.Common.Election;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Audit.Paper;

/// <summary>The recount's running count over a box, paper by paper, in no particular order (rules.md R3).</summary>
internal sealed class BoxCount(ElectionPackage package)
{
    private readonly Tally _tally = new(package);
    private readonly Dictionary<string, Tally> _styleTallies = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _votesByStyle = new(StringComparer.Ordinal);
    private readonly Dictionary<VoidReason, int> _voided = [];
    private readonly Dictionary<string, int> _refused = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _notVotes = new(StringComparer.Ordinal);
    private int _papers, _counted, _foreign;

    public void Add(PaperRead paper)
    {
        _papers++;
        switch (paper.Verdict)
        {
            case PaperVerdict.Counted:
                var testigo = paper.Testigo!;
                TestigoMarkings.CountInto(_tally, testigo);
                if (!_styleTallies.TryGetValue(testigo.BallotStyle, out var styleTally))
                    _styleTallies[testigo.BallotStyle] = styleTally = new Tally(package);
                TestigoMarkings.CountInto(styleTally, testigo);
                Bump(_votesByStyle, testigo.BallotStyle);
                _counted++;
                break;
            case PaperVerdict.Voided: Bump(_voided, paper.Void!.Value); break;
            case PaperVerdict.Refused: Bump(_refused, paper.Finding); break;
            case PaperVerdict.Foreign: _foreign++; break;
            case PaperVerdict.NotAVote: Bump(_notVotes, paper.Finding); break;
            default: throw new ArgumentOutOfRangeException(nameof(paper), paper.Verdict, "unknown verdict");
        }
    }

    /// <summary>Styles in package order (as the closing record lists them), styles with no vote left out.</summary>
    public BoxRecount Result() => new(
        _tally,
        package.BallotStyles.Where(s => _votesByStyle.ContainsKey(s.Id)).Select(s => new StyleCount(s.Id, _votesByStyle[s.Id], _styleTallies[s.Id])).ToArray(),
        _papers, _counted, _voided, _refused, _notVotes, _foreign);

    private static void Bump<TKey>(Dictionary<TKey, int> counts, TKey key) where TKey : notnull =>
        counts[key] = counts.GetValueOrDefault(key) + 1;
}
