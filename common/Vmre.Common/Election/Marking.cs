namespace Vmre.Common.Election;

/// <summary>What the voter marked in one contest: nothing, one or more parties, or a write-in.</summary>
public sealed record Marking(string ContestId, MarkingKind Kind, IReadOnlyList<string> PartyCodes, string? WriteInName)
{
    public static Marking Nothing(string contestId) => new(contestId, MarkingKind.Nothing, [], null);

    public static Marking Parties(string contestId, params string[] codes) =>
        new(contestId, MarkingKind.Parties, codes.Distinct().OrderBy(c => c, StringComparer.Ordinal).ToArray(), null);

    public static Marking WriteIn(string contestId, string name) => new(contestId, MarkingKind.WriteIn, [], name);
}

public enum MarkingKind { Nothing, Parties, WriteIn }
