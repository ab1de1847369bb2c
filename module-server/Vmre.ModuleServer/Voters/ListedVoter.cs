namespace Vmre.ModuleServer.Voters;

/// <summary>One row of the module's voter list: the only identities the module holds (rules.md R2).</summary>
public sealed record ListedVoter(string Clave, string Cic, string Surnames, string GivenNames, string Entidad, bool Voted)
{
    /// <summary>As the official reads it aloud to compare with the face: "GIVEN SURNAMES".</summary>
    public string DisplayName => string.IsNullOrWhiteSpace(GivenNames) ? Surnames : GivenNames + " " + Surnames;
}
