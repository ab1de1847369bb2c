using Vmre.Common.Serialization;
using Vmre.Common.Election;
using Vmre.Common.Protocol;
using Vmre.Firmware.Testigo;

namespace Vmre.Terminal.Session;

/// <summary>
/// Parse the ballot page's selection at the boundary into Markings for exactly the contests of
/// the activated ballot style; anything else is refused with a reason.
/// </summary>
public static class SelectionParser
{
    public static Parsed<IReadOnlyList<Marking>> Parse(ElectionPackage package, BallotStyle style, SelectionRequest? request)
    {
        if (request?.Contests is null) return Fail("selection is missing");
        // Review finding: a null entry ({"contests":[null]}) threw a NullReferenceException (HTTP 500).
        if (request.Contests.Any(c => c is null)) return Fail("selection has an empty contest entry");
        var markings = new List<Marking>();
        foreach (var contestId in style.ContestIds)
        {
            var entries = request.Contests.Where(c => c.ContestId == contestId).ToArray();
            if (entries.Length != 1) return Fail($"contest {contestId} must appear exactly once");
            var parsed = ParseOne(package.Contest(contestId), entries[0]);
            if (!parsed.IsOk) return Fail(parsed.Error!);
            markings.Add(parsed.Value!);
        }
        if (request.Contests.Count != style.ContestIds.Count) return Fail("selection names a contest not on this ballot");
        return Parsed<IReadOnlyList<Marking>>.Ok(markings);
    }

    private static Parsed<Marking> ParseOne(Contest contest, ContestSelection entry)
    {
        var parties = entry.Parties ?? [];
        // An empty or blank write-in box is no write-in (not an empty name, nor a clash with party marks).
        var writeIn = string.IsNullOrWhiteSpace(entry.WriteIn) ? null : Normalize(entry.WriteIn);
        if (writeIn is not null && parties.Count > 0)
            return Parsed<Marking>.Fail($"{contest.Id}: a write-in cannot be combined with party marks");
        if (writeIn is not null)
        {
            if (!contest.AllowsWriteIn) return Parsed<Marking>.Fail($"{contest.Id}: this contest takes no write-in");
            // The write-in must fit the testigo format exactly as it will be printed and sealed.
            var probe = new TestigoPayload("00000000", "X", [ContestMarks.WriteIn(contest.Id, writeIn)]);
            var problem = probe.Validate();
            return problem is null
                ? Parsed<Marking>.Ok(Marking.WriteIn(contest.Id, writeIn))
                : Parsed<Marking>.Fail($"{contest.Id}: {problem}");
        }
        if (parties.Count == 0) return Parsed<Marking>.Ok(Marking.Nothing(contest.Id));
        var known = contest.PartyCodes.ToHashSet();
        // Review finding: FirstOrDefault returned a null code itself, which read as "none unknown";
        // the null then made Testigo.Compose throw after Confirm and wedged the session in
        // Printing (rules.md R4 and R6). Every code must be a party of this contest.
        foreach (var code in parties)
        {
            if (code is null || !known.Contains(code))
                return Parsed<Marking>.Fail($"{contest.Id}: party {code ?? "(empty)"} is not on this ballot");
        }
        return Parsed<Marking>.Ok(Marking.Parties(contest.Id, parties.ToArray()));
    }

    // Write-ins are printed in capitals on the testigo (docs/formats/testigo-qr.md).
    private static string Normalize(string name) =>
        string.Join(' ', name.Trim().ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static Parsed<IReadOnlyList<Marking>> Fail(string reason) => Parsed<IReadOnlyList<Marking>>.Fail(reason);
}
