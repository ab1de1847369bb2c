using Vmre.Common.Closing;
using Vmre.Common.Election;
using Vmre.Firmware.Testigo;

namespace Vmre.Terminal.Reports;

/// <summary>
/// The closing count of this terminal's sealed votes (issue 9 point 6): each sealed payload is
/// the testigo's own QR text (rules.md R1), decoded and counted per contest and tally key, and
/// per ballot style. Only totals leave here — no payload, no order (rules.md R3); a write-in is
/// counted on its contest's CNR line and its name goes nowhere.
/// </summary>
public sealed class SealedVoteCount
{
    private SealedVoteCount(IReadOnlyList<ContestTally> contests, IReadOnlyList<StyleVotes> votesByStyle)
    {
        Contests = contests;
        VotesByStyle = votesByStyle;
    }

    public IReadOnlyList<ContestTally> Contests { get; }

    /// <summary>Ballot styles in package order; styles with no vote here are left out (closing-record.md).</summary>
    public IReadOnlyList<StyleVotes> VotesByStyle { get; }

    /// <summary>
    /// A sealed vote that does not decode, or names a ballot style not in the package, is a broken
    /// store, not an expected failure: it throws rather than close with a wrong count.
    /// </summary>
    public static SealedVoteCount Of(ElectionPackage package, IEnumerable<string> sealedPayloads)
    {
        var tally = new Tally(package);
        var perStyle = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in sealedPayloads)
        {
            var decoded = TestigoDecoder.Decode(text);
            if (!decoded.Ok) throw new InvalidDataException("a sealed vote does not decode: " + decoded.Reason);
            var style = decoded.Payload.BallotStyle;
            if (package.Style(style) is null) throw new InvalidDataException($"a sealed vote names ballot style {style}, not in the election package");
            TestigoMarkings.CountInto(tally, decoded.Payload);
            perStyle[style] = perStyle.GetValueOrDefault(style) + 1;
        }
        var byStyle = package.BallotStyles
            .Where(s => perStyle.ContainsKey(s.Id))
            .Select(s => new StyleVotes(s.Id, perStyle[s.Id]))
            .ToArray();
        return new SealedVoteCount(tally.ToContestTallies(), byStyle);
    }
}
