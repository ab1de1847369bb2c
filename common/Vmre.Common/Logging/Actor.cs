namespace Vmre.Common.Logging;

/// <summary>Who acted (rules.md R7: role and credential of whoever acted). Device events have none.</summary>
public sealed record Actor(string Role, string Credential)
{
    public static readonly Actor Voter = new("voter", "-");
}
