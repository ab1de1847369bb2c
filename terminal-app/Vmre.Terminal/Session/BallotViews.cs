using Vmre.Common.Election;
using Vmre.Common.Protocol;

namespace Vmre.Terminal.Session;

/// <summary>The ballot page's view of a ballot style: contests in package order, candidacies in ballot order.</summary>
public static class BallotViews
{
    public static BallotView For(ElectionPackage package, BallotStyle style) =>
        new(package.Name, style.Id, style.ContestIds.Select(id =>
        {
            var contest = package.Contest(id);
            return new BallotContest(contest.Id, contest.Title, contest.AllowsWriteIn,
                contest.Candidacies.Select(c => new BallotCandidacy(c.Candidate, c.CoalitionName,
                    c.PartyCodes.Select(p => new BallotParty(p, package.Party(p).Name)).ToArray())).ToArray());
        }).ToArray());
}
