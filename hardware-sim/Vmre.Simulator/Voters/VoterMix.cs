using Vmre.Common.Election;

namespace Vmre.Simulator.Voters;

/// <summary>
/// Voters who mark at random (seeded), for the secrecy test of issue 9 point 6: in the demo's
/// plan a voter's marking follows from their place in the queue, and so from their terminal and
/// act, which an observer could guess without reading anything published. Here every voter draws
/// from the contest's choices (<see cref="BallotChoices"/>) with popular and rare ones; terminals
/// and acts stay the plan's. Two voters after midday are coerced (<see cref="Coercion"/>).
/// </summary>
public sealed record VoterMix(int Seed, Coercion? Coerced = null)
{
    public List<SimulatedVoter> Remark(IReadOnlyList<SimulatedVoter> voters, ElectionPackage package)
    {
        var random = new Random(Seed);
        var remarked = voters.Select(v => v with
        {
            Act = v.Act == VoterAct.Button ? VoterAct.Screen : v.Act,
            Markings = v.Markings.Select(m => Draw(package.Contest(m.ContestId), random)).ToArray(),
        }).ToList();
        if (Coerced is not null) Coerced.Apply(remarked, package);
        return remarked;
    }

    /// <summary>
    /// A weighted draw: the contest's parties alone weigh most, the first ones more (so each
    /// terminal has a plurality to guess), coalition combinations less, and a write-in, a blank
    /// and a null ballot few.
    /// </summary>
    private static Marking Draw(Contest contest, Random random)
    {
        var choices = BallotChoices.For(contest);
        var weights = choices.Select((m, i) => m.Kind switch
        {
            MarkingKind.WriteIn => 0.5,
            MarkingKind.Nothing => 0.5,
            _ when BallotRules.Classify(contest, m).Kind == CountKind.Null => 0.7,
            _ when m.PartyCodes.Count > 1 => 1.5,
            _ => 6.0 / (1 + i),
        }).ToArray();
        var roll = random.NextDouble() * weights.Sum();
        for (var i = 0; i < choices.Count; i++)
        {
            roll -= weights[i];
            if (roll < 0) return choices[i];
        }
        return choices[^1];
    }
}
