using Vmre.Common.Acta;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.ModuleServer.Counting;

/// <summary>
/// The acta on disk, in the open format (acta.json, indented) and signed by the module
/// server's key (acta.signed.json), each written whole or not at all (brief rules 5 and 6).
/// </summary>
public sealed class ActaArchive(string dataDir)
{
    public string JsonPath => Path.Combine(dataDir, "acta.json");
    public string SignedPath => Path.Combine(dataDir, "acta.signed.json");

    public SignedDocument Write(Acta acta, ISigner serverKey)
    {
        var signed = SignedDocument.Create(DocumentKinds.Acta, acta, serverKey);
        AtomicFile.WriteText(JsonPath, VmreJson.Text(acta, indented: true) + "\n");
        signed.WriteFile(SignedPath);
        return signed;
    }

    /// <summary>acta.json as written, or null before the polls have closed.</summary>
    public byte[]? ReadJson() => File.Exists(JsonPath) ? File.ReadAllBytes(JsonPath) : null;
}
