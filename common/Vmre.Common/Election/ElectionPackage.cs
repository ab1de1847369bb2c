namespace Vmre.Common.Election;

/// <summary>
/// The election package (docs/formats/election-package.md): contests and ballot styles per
/// entidad de referencia. Signed by the authority; every device verifies it before use
/// (rules.md R5).
/// </summary>
public sealed record ElectionPackage(
    string Format,
    string ElectionId,
    string Name,
    IReadOnlyList<Party> Parties,
    IReadOnlyList<Contest> Contests,
    IReadOnlyList<BallotStyle> BallotStyles)
{
    public const string FormatV1 = "vmre-election-package/1";

    public Contest Contest(string id) =>
        Contests.FirstOrDefault(c => c.Id == id) ?? throw new KeyNotFoundException($"contest {id}");

    public BallotStyle? Style(string id) => BallotStyles.FirstOrDefault(s => s.Id == id);

    public BallotStyle? StyleForEntidad(string entidad) => BallotStyles.FirstOrDefault(s => s.Entidad == entidad);

    public Party Party(string code) =>
        Parties.FirstOrDefault(p => p.Code == code) ?? throw new KeyNotFoundException($"party {code}");
}

public sealed record Party(string Code, string Name);

/// <summary>
/// One contest. Each candidacy is a candidate with the parties that nominate them: one party,
/// or a coalition of several (marking any of its parties counts for the common candidate).
/// </summary>
public sealed record Contest(
    string Id,
    string Title,
    string Entidad,
    IReadOnlyList<Candidacy> Candidacies,
    bool AllowsWriteIn)
{
    /// <summary>Party codes in ballot order (derived, so not part of the signed document).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public IEnumerable<string> PartyCodes => Candidacies.SelectMany(c => c.PartyCodes);
}

public sealed record Candidacy(string Candidate, IReadOnlyList<string> PartyCodes, string? CoalitionName = null)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsCoalition => PartyCodes.Count > 1;
}

/// <summary>The ballot a voter receives, chosen by their entidad de referencia.</summary>
public sealed record BallotStyle(string Id, string Entidad, IReadOnlyList<string> ContestIds);
