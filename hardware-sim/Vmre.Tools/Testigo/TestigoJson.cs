using Vmre.Firmware.Testigo;

namespace Vmre.Tools.Testigo;

/// <summary>What `decode-testigo` prints: the payload's fields and, per contest, the marks.</summary>
public sealed record TestigoJson(
    string Format,
    string ElectionHashPrefix,
    string BallotStyle,
    IReadOnlyList<ContestJson> Contests,
    PackageJson? Package = null)
{
    public const string FormatTag = TestigoPayload.Tag;

    public static TestigoJson Of(TestigoPayload payload) => new(FormatTag, payload.ElectionHashPrefix,
        payload.BallotStyle, payload.Contests.Select(ContestJson.Of).ToArray());
}

/// <summary>
/// One contest's marks: "nothing" (voto nulo), "parties" (one party or a coalition
/// combination) or "write-in". The named fields are filled only with --package.
/// </summary>
public sealed record ContestJson(
    string Contest,
    string Marks,
    IReadOnlyList<string>? Parties,
    string? WriteIn,
    string? Title = null,
    IReadOnlyList<PartyJson>? PartyNames = null,
    string? Candidate = null,
    string? CountedAs = null)
{
    public static ContestJson Of(ContestMarks marks) => marks.Kind switch
    {
        MarkKind.Nothing => new ContestJson(marks.ContestId, "nothing", null, null),
        MarkKind.Parties => new ContestJson(marks.ContestId, "parties", marks.PartyCodes, null),
        MarkKind.WriteIn => new ContestJson(marks.ContestId, "write-in", null, marks.WriteInName),
        _ => throw new ArgumentOutOfRangeException(nameof(marks), marks.Kind, "unknown mark kind"),
    };
}

public sealed record PartyJson(string Code, string Name);

/// <summary>The verified package the marks were named from (rules.md R5: signature checked first).</summary>
public sealed record PackageJson(string ElectionId, string Name, string Hash);
