namespace Vmre.Audit.Documents;

/// <summary>
/// The file names of the authority's key pair as <c>vmre-provision authority init</c> writes them
/// (provisioning/README.md). The auditor verifies with the public one (rules.md R5); the
/// simulator, which runs vmre-provision as a process, finds both by these names.
/// </summary>
public static class AuthorityFiles
{
    public const string KeyFile = "authority.key";
    public const string PublicFile = "authority.pub.pem";
}
