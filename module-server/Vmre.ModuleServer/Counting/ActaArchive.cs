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

    /// <summary>
    /// Issue 11 point 5: the payload hashes (docs/formats/signed-document.md) of every acta this
    /// archive holds — the current one and each kept as superseded — which a new acta names in
    /// <c>supersedes</c>. A crash between keeping a copy and writing the new acta leaves the same
    /// acta twice; it is named once.
    /// </summary>
    /// Review finding: only actas whose signature verifies under this server's key are named — a
    /// file dropped into the folder must not be certified as "superseded" by the server's signature.
    public IReadOnlyList<string> EarlierPayloadHashes(PublicKey serverKey)
    {
        var files = Directory.Exists(dataDir)
            ? Directory.GetFiles(dataDir, "acta.superseded-*.signed.json").Append(SignedPath).Where(File.Exists)
            : [];
        return files.Select(SignedDocument.ReadFile)
            .Where(read => read.IsOk && read.Value!.Kind == DocumentKinds.Acta && SignedBy(read.Value!, serverKey))
            .Select(read => PayloadHash(read.Value!)).OfType<string>()
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    private static bool SignedBy(SignedDocument acta, PublicKey serverKey) => acta.Open<Acta>(DocumentKinds.Acta, serverKey).IsOk;

    private static string? PayloadHash(SignedDocument acta)
    {
        try { return ContentHash.Of(acta.PayloadBytes()); }
        catch (FormatException) { return null; } // not an acta this server wrote: nothing to name
    }

    /// <summary>acta.json as written, or null before the polls have closed.</summary>
    public byte[]? ReadJson() => File.Exists(JsonPath) ? File.ReadAllBytes(JsonPath) : null;
}
