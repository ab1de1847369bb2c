using Vmre.Common.Election;
using Vmre.Firmware.Printing;

namespace Vmre.Audit.Paper;

/// <summary>
/// What the box held, by the counters' rule (docs/formats/testigo-marks.md): the votes tallied
/// per contest and option, and per ballot style; the voided papers per reason; papers of a
/// retired format refused by name (VMRE-T1, VMRE-V1); papers that are not votes, by finding;
/// counted-looking papers of another election. No paper is named, so nothing pairs a selection
/// with anything a voter could show (issue 9 point 1).
/// </summary>
public sealed record BoxRecount(
    Tally Tally,
    IReadOnlyList<StyleCount> Styles,
    int Papers,
    int Counted,
    IReadOnlyDictionary<VoidReason, int> VoidedByReason,
    IReadOnlyDictionary<string, int> RefusedByReason,
    IReadOnlyDictionary<string, int> NotVotesByFinding,
    int Foreign)
{
    public int Voided => VoidedByReason.Values.Sum();
    public int Refused => RefusedByReason.Values.Sum();
    public int NotVotes => NotVotesByFinding.Values.Sum();

    /// <summary>Votes counted on paper for one ballot style (0 when it has none).</summary>
    public int VotesOf(string style) => Styles.FirstOrDefault(s => s.Style == style)?.Votes ?? 0;
}

/// <summary>One ballot style's paper votes, with their tally per contest and option.</summary>
public sealed record StyleCount(string Style, int Votes, Tally Tally);
