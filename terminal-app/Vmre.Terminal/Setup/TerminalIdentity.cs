using Vmre.Common.Serialization;

namespace Vmre.Terminal.Setup;

/// <summary>Who this terminal is (DIR/terminal.json), written once at provisioning. No secrets: the key is in the TPM.</summary>
public sealed record TerminalIdentity(string TerminalId, string PublicKeyPem)
{
    public static string PathIn(string dataDir) => Path.Combine(dataDir, "terminal.json");

    public static Parsed<TerminalIdentity> Load(string dataDir)
    {
        var path = PathIn(dataDir);
        return File.Exists(path)
            ? VmreJson.Parse<TerminalIdentity>(File.ReadAllBytes(path))
            : Parsed<TerminalIdentity>.Fail($"terminal not provisioned: {path} missing");
    }

    public void Save(string dataDir) => AtomicFile.WriteText(PathIn(dataDir), VmreJson.Text(this, indented: true));
}
