namespace Vmre.Provisioning.Authority;

/// <summary>
/// The role line written before a private key's PEM block ("VMRE-Key-Role: authority";
/// provisioning/README.md, "Key files"). RFC 7468 lets text stand outside the PEM boundaries,
/// and PEM readers (the module server's among them) skip it, so the key itself is unchanged.
/// </summary>
public static class KeyRoleLabel
{
    public const string Prefix = "VMRE-Key-Role: ";

    public static string Name(KeyRole role) => role switch
    {
        KeyRole.Authority => "authority",
        KeyRole.ModuleServer => "module-server",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    /// <summary>What the file is meant to be, in a refusal: "the authority key (authority.key)".</summary>
    public static string Describe(KeyRole role) => role switch
    {
        KeyRole.Authority => "the authority key (authority.key, from `authority init`)",
        KeyRole.ModuleServer => "a module server key (server.key, from `module configure` before the key moved into the server's TPM)",
        _ => throw new ArgumentOutOfRangeException(nameof(role), role, null),
    };

    public static string Line(KeyRole role) => Prefix + Name(role) + "\n";

    /// <returns>The role named in the file's label line, the text after the prefix if it names none known, or null without a label.</returns>
    public static (KeyRole? Role, string? Text) Read(string fileText)
    {
        foreach (var line in fileText.Split('\n'))
        {
            if (line.StartsWith("-----BEGIN", StringComparison.Ordinal)) break;
            if (!line.StartsWith(Prefix, StringComparison.Ordinal)) continue;
            var text = line[Prefix.Length..].Trim();
            foreach (var role in Enum.GetValues<KeyRole>())
                if (Name(role) == text) return (role, text);
            return (null, text);
        }
        return (null, null);
    }
}
