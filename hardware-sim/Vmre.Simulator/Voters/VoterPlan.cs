using Vmre.Common.Election;
using Vmre.Provisioning.Lnere;

namespace Vmre.Simulator.Voters;

/// <summary>
/// Who comes to the module in the simulation: in-person voters of this module's slice, each
/// with planned markings that together cover every kind of vote; and the people the desk must
/// turn away (not in the list, postal, another module).
/// </summary>
public sealed record VoterPlan(
    IReadOnlyList<SimulatedVoter> Voters, LnereRecord PostalVoter, LnereRecord OtherModuleVoter, string UnknownClave)
{
    public static VoterPlan Make(string lnereCsv, ElectionPackage package, string moduleId, int count, int terminals)
    {
        var records = LnereReader.Read(lnereCsv).Select(r => r.Record ?? throw new SimulationFailure($"LNERE line {r.Line}: {r.Error}")).ToList();
        var here = records.Where(r => r.VotesInPersonAt(moduleId)).OrderBy(r => r.Clave, StringComparer.Ordinal).ToList();
        if (here.Count < count) throw new SimulationFailure($"module {moduleId} has {here.Count} voters, {count} requested");
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
            return new SimulatedVoter(person, i % terminals, ScansCredential: i % 3 == 0, markings);
        }).ToList();
        var postal = records.First(r => r.MeetsRequirements && r.Modality == Modality.Postal);
        var elsewhere = records.First(r => r.MeetsRequirements && r.Modality == Modality.Presencial && r.ModuleId != moduleId);
        return new VoterPlan(voters, postal, elsewhere, "XXXXXX99010199H999");
    }
}
