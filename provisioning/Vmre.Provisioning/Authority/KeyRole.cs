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

    /// <summary>server.key: the module server's own key, written by `module configure`.</summary>
    ModuleServer,
}
