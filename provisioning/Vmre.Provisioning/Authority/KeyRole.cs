namespace Vmre.Provisioning.Authority;

/// <summary>
/// What a private key file is for. `vmre-provision` writes the role into every private key it
/// makes and checks it wherever a key is read (issue 7.5: `package build --authority
/// server.key` signed with the module server's key): a key of another role is refused by name.
/// </summary>
public enum KeyRole
{
    /// <summary>authority.key: signs packages, slices and module configs (rules.md R5).</summary>
    Authority,

    /// <summary>
    /// server.key: the module server's key as `module configure` once wrote it. No longer made
    /// (issue 8 point 2: the key lives in the server's TPM), but such files still exist, so
    /// the role is still recognised and refused by name where the authority key is expected.
    /// </summary>
    ModuleServer,
}
