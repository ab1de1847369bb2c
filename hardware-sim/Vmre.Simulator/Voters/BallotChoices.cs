using Vmre.Common.Election;

namespace Vmre.Simulator.Voters;

/// <summary>
/// The markings simulated voters make: every party alone, coalition combinations, a write-in,
/// nothing marked and a cross-coalition (null) marking, for every contest of the package.
/// </summary>
public static class BallotChoices
{
    public static IReadOnlyList<Marking> For(Contest contest)
    {
        var choices = new List<Marking>();
        choices.AddRange(contest.PartyCodes.Select(p => Marking.Parties(contest.Id, p)));
        foreach (var coalition in contest.Candidacies.Where(c => c.IsCoalition))
        {
            choices.Add(Marking.Parties(contest.Id, coalition.PartyCodes.ToArray()));
            choices.Add(Marking.Parties(contest.Id, coalition.PartyCodes.Take(2).ToArray()));
        }
        if (contest.AllowsWriteIn) choices.Add(Marking.WriteIn(contest.Id, "JUANA GARCÍA NÚÑEZ"));
        choices.Add(Marking.Nothing(contest.Id));
        var first = contest.Candidacies[0].PartyCodes[0];
        var last = contest.Candidacies[^1].PartyCodes[^1];
        choices.Add(Marking.Parties(contest.Id, first, last)); // different candidacies: voto nulo
        return choices;
    }
}
