using Vmre.Common.Election;

namespace Vmre.Simulator.Voters;

/// <summary>
/// What a coercer orders (issue 9 point 6): one voter writes in a long name no one else would,
/// another marks a coalition combination no one else marks. The package's ballot styles hold one
/// contest each, so the two orders fall on two voters of different contests (the first on-screen
/// voters after midday whose contest allows each). The secrecy test then tries to confirm them
/// from everything published.
/// </summary>
public sealed record Coercion(string WriteInName, IReadOnlyList<string> CombinationParties)
{
    public void Apply(List<SimulatedVoter> voters, ElectionPackage package)
    {
        var combination = Find(voters, package, c => c.Candidacies.Any(k => CombinationParties.All(k.PartyCodes.Contains)), -1)
            ?? throw new SimulationFailure($"no voter after midday can mark {string.Join("+", CombinationParties)}");
        var contestOf = voters[combination].Markings[0].ContestId;
        voters[combination] = voters[combination] with { Markings = [Marking.Parties(contestOf, [.. CombinationParties])] };
        var writeIn = Find(voters, package, c => c.Id != contestOf && c.AllowsWriteIn, combination)
            ?? throw new SimulationFailure("no voter of another contest can be coerced to a write-in");
        voters[writeIn] = voters[writeIn] with { Markings = [Marking.WriteIn(voters[writeIn].Markings[0].ContestId, WriteInName)] };
    }

    /// <summary>The coerced: an on-screen voter with a one-contest ballot, after midday, not the one already coerced.</summary>
    private static int? Find(List<SimulatedVoter> voters, ElectionPackage package, Func<Contest, bool> fits, int except)
    {
        for (var i = voters.Count / 2; i < voters.Count; i++)
            if (i != except && voters[i].Act == VoterAct.Screen && voters[i].Markings.Count == 1
                && fits(package.Contest(voters[i].Markings[0].ContestId)))
                return i;
        return null;
    }
}
