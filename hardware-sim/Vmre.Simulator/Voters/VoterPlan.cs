using Vmre.Common.Election;
using Vmre.Lnere;

namespace Vmre.Simulator.Voters;

/// <summary>
/// Who comes to the module in the simulation: in-person voters of this module's slice, each
/// with planned markings that together cover every kind of vote; and the people the desk must
/// turn away (not in the list, postal, another module).
/// </summary>
public sealed record VoterPlan(
    IReadOnlyList<SimulatedVoter> Voters, LnereRecord PostalVoter, LnereRecord OtherModuleVoter, string UnknownClave)
{
    /// <summary>The fewest voters that leave room for every fault of the day on distinct voters.</summary>
    public const int FewestVoters = 5;

    /// <summary>Before this voter (index) the cover of an idle terminal is opened and officials clear it.</summary>
    public int CoverOpensBefore { get; init; } = -1;

    /// <summary>
    /// The demo's plan (markings in turn through every kind of vote), or with <paramref name="mix"/> each
    /// voter's markings drawn at random (issue 9 point 6); the voters, terminals and faults are the same.
    /// </summary>
    public static VoterPlan Make(string lnereCsv, ElectionPackage package, string moduleId, int count, int terminals, VoterMix? mix = null)
    {
        var records = LnereReader.Read(lnereCsv).Select(r => r.Record ?? throw new SimulationFailure($"LNERE line {r.Line}: {r.Error}")).ToList();
        var here = records.Where(r => r.VotesInPersonAt(moduleId)).OrderBy(r => r.Clave, StringComparer.Ordinal).ToList();
        if (here.Count < count) throw new SimulationFailure($"module {moduleId} has {here.Count} voters, {count} requested");
        if (count < FewestVoters) throw new SimulationFailure($"the election day with its faults needs at least {FewestVoters} voters, {count} requested");
        var menus = package.Contests.ToDictionary(c => c.Id, BallotChoices.For);
        var next = new Dictionary<string, int>();
        var voters = here.Take(count).Select((person, i) =>
        {
            var style = package.StyleForEntidad(person.Entidad) ?? throw new SimulationFailure($"no ballot style for entidad {person.Entidad}");
            var markings = style.ContestIds.Select(id =>
            {
                var k = next.GetValueOrDefault(id);
                next[id] = k + 1;
                return menus[id][k % menus[id].Count];
            }).ToArray();
            return new SimulatedVoter(person, i % terminals, ScansCredential: i % 3 == 0, markings, ActOf(i, count));
        }).ToList();
        if (mix is not null) voters = mix.Remark(voters, package);
        var postal = records.First(r => r.MeetsRequirements && r.Modality == Modality.Postal);
        var elsewhere = records.First(r => r.MeetsRequirements && r.Modality == Modality.Presencial && r.ModuleId != moduleId);
        return new VoterPlan(voters, postal, elsewhere, "XXXXXX99010199H999") { CoverOpensBefore = 4 * count / 5 };
    }

    /// <summary>
    /// The faults fall on distinct voters spread over the day (a jam at a fifth, a rejection at two
    /// fifths, a power cut at three fifths); every 4th other voter uses the physical button.
    /// </summary>
    private static VoterAct ActOf(int i, int count)
    {
        if (i == count / 5) return VoterAct.PrinterJams;
        if (i == 2 * count / 5) return VoterAct.RejectsOnce;
        if (i == 3 * count / 5) return VoterAct.PowerCut;
        return i % 4 == 3 ? VoterAct.Button : VoterAct.Screen;
    }
}
