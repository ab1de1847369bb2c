using Vmre.Audit.Documents;
using Vmre.Common.Election;
using Vmre.Common.Serialization;
using Vmre.Firmware.Testigo;

namespace Vmre.Tools.Testigo;

/// <summary>
/// Names a testigo's marks from the verified election package it claims to belong to: the
/// hash prefix must be the package's, the style and every contest must be in it, every party
/// in its contest. The count rule is the tally's own (<see cref="BallotRules"/>), so the tool
/// says what the recount would count (rules.md R1).
/// </summary>
public static class TestigoNaming
{
    public static Parsed<TestigoJson> Name(TestigoPayload payload, VerifiedPackage verified)
    {
        var (package, hash) = verified;
        var prefix = PackageHash.Short(hash);
        if (payload.ElectionHashPrefix != prefix)
            return Parsed<TestigoJson>.Fail($"testigo is for election package {payload.ElectionHashPrefix}, this package is {prefix}");
        if (package.Style(payload.BallotStyle) is not { } style)
            return Parsed<TestigoJson>.Fail($"ballot style {payload.BallotStyle} is not in the package");
        var contests = new List<ContestJson>();
        foreach (var marks in payload.Contests)
        {
            if (!style.ContestIds.Contains(marks.ContestId))
                return Parsed<TestigoJson>.Fail($"contest {marks.ContestId} is not on ballot style {style.Id}");
            var named = Named(package, package.Contest(marks.ContestId), marks);
            if (!named.IsOk) return Parsed<TestigoJson>.Fail(named.Error!);
            contests.Add(named.Value!);
        }
        return Parsed<TestigoJson>.Ok(TestigoJson.Of(payload) with
        {
            Contests = contests,
            Package = new PackageJson(package.ElectionId, package.Name, hash),
        });
    }

    private static Parsed<ContestJson> Named(ElectionPackage package, Contest contest, ContestMarks marks)
    {
        var codes = marks.PartyCodes;
        var unknown = codes.FirstOrDefault(c => !contest.PartyCodes.Contains(c));
        if (unknown is not null) return Parsed<ContestJson>.Fail($"party {unknown} is not in contest {contest.Id}");
        var candidacy = codes.Length == 0 ? null : contest.Candidacies.FirstOrDefault(k => codes.All(k.PartyCodes.Contains));
        var counted = BallotRules.Classify(contest, TestigoMarkings.FromMarks(marks));
        return Parsed<ContestJson>.Ok(ContestJson.Of(marks) with
        {
            Title = contest.Title,
            PartyNames = codes.Length == 0 ? null : codes.Select(c => new PartyJson(c, PartyName(package, c))).ToArray(),
            Candidate = candidacy?.Candidate,
            CountedAs = counted.Key,
        });
    }

    // A contest naming a party the package's list lacks is a package defect, not the testigo's:
    // the code itself is then the best name there is.
    private static string PartyName(ElectionPackage package, string code) =>
        package.Parties.FirstOrDefault(p => p.Code == code)?.Name ?? code;
}
