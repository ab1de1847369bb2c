using Vmre.Common.Acta;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.ModuleServer.Counting;

/// <summary>
/// The acta on disk, in the open format (acta.json, indented) and signed by the module
/// server's key (acta.signed.json), each written whole or not at all (rules.md R5 and R6).
/// </summary>
public sealed class ActaArchive(string dataDir)
{
    public string JsonPath => Path.Combine(dataDir, "acta.json");
    public string SignedPath => Path.Combine(dataDir, "acta.signed.json");

    public SignedDocument Write(Acta acta, ISigner serverKey)
    {
        var signed = SignedDocument.Create(DocumentKinds.Acta, acta, serverKey);
        KeepSuperseded();
        AtomicFile.WriteText(JsonPath, VmreJson.Text(acta, indented: true) + "\n");
        signed.WriteFile(SignedPath);
        return signed;
    }

    /// <summary>The signed acta if present and verifying under the server key, else null.</summary>
    public Acta? ReadSigned(PublicKey serverKey)
    {
        if (!File.Exists(SignedPath)) return null;
        var opened = SignedDocument.ReadFile(SignedPath).Then(d => d.Open<Acta>(DocumentKinds.Acta, serverKey));
        return opened.IsOk ? opened.Value : null;
    }

    // A recount after an incomplete closing (rules.md R6) must not erase the acta already
    // signed and printed: it is kept as acta.superseded-N.* for the auditors (rules.md R7).
    private void KeepSuperseded()
    {
        if (!File.Exists(SignedPath)) return;
        var n = 1;
        while (File.Exists(Path.Combine(dataDir, $"acta.superseded-{n}.signed.json"))) n++;
        if (File.Exists(JsonPath)) File.Copy(JsonPath, Path.Combine(dataDir, $"acta.superseded-{n}.json"));
        File.Copy(SignedPath, Path.Combine(dataDir, $"acta.superseded-{n}.signed.json"));
    }

    /// <summary>acta.json as written, or null before the polls have closed.</summary>
    public byte[]? ReadJson() => File.Exists(JsonPath) ? File.ReadAllBytes(JsonPath) : null;
}
