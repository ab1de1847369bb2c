using Vmre.Common.Election;

namespace Vmre.Terminal.Session;

/// <summary>
/// A contest's selection in words, for the review screen and the testigo: what the voter
/// marked and how it counts under the ballot rules, so a null vote is never a surprise.
/// </summary>
public static class SelectionWords
{
    public static string Of(Contest contest, Marking marking, CountedAs counted)
    {
        switch (counted.Kind)
        {
            case CountKind.Party:
            case CountKind.Combination:
                var candidacy = contest.Candidacies.First(c => marking.PartyCodes.All(c.PartyCodes.Contains));
                return $"{string.Join(" + ", marking.PartyCodes)}: {candidacy.Candidate}";
            case CountKind.WriteIn:
                return $"Candidatura no registrada: {marking.WriteInName}";
            case CountKind.Null:
                return marking.Kind switch
                {
                    MarkingKind.Nothing => "Sin marca: voto nulo",
                    MarkingKind.Parties => $"{string.Join(" + ", marking.PartyCodes)}: voto nulo",
                    MarkingKind.WriteIn => "Candidatura no registrada no permitida: voto nulo",
                    _ => throw new ArgumentOutOfRangeException(nameof(marking)),
                };
            default:
                throw new ArgumentOutOfRangeException(nameof(counted));
        }
    }
}
