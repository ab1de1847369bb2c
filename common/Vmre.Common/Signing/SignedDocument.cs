using System.Text.Json;
using Vmre.Common.Serialization;

namespace Vmre.Common.Signing;

/// <summary>
/// The signed envelope every VMRE document travels in (docs/formats/signed-document.md):
/// the exact payload bytes (base64) and a DER ECDSA P-256 signature over them, so that
/// verification never depends on re-serialising JSON.
/// </summary>
public sealed record SignedDocument(string Format, string Kind, string KeyId, string Payload, string Signature)
{
    public const string FormatV1 = "vmre-signed/1";

    public static SignedDocument Create<T>(string kind, T body, ISigner signer)
    {
        var payload = VmreJson.Bytes(body);
        return new SignedDocument(FormatV1, kind, signer.KeyId, Convert.ToBase64String(payload),
            Convert.ToBase64String(signer.Sign(payload)));
    }

    public byte[] PayloadBytes() => Convert.FromBase64String(Payload);

    /// <summary>
    /// Verify against the expected signer and kind, then parse the body. Every refusal is a
    /// specific reason; the caller logs it and never uses the document (rules.md R5).
    /// </summary>
    public Parsed<T> Open<T>(string expectedKind, PublicKey signer) where T : class
    {
        // Review finding: an envelope bound from an HTTP body can have null fields; Convert threw
        // ArgumentNullException (HTTP 500) instead of a refusal with a reason (rules.md R5).
        if (MissesAField()) return Parsed<T>.Fail("envelope is missing a field");
        if (Format != FormatV1) return Parsed<T>.Fail($"unknown envelope format '{Format}'");
        if (Kind != expectedKind) return Parsed<T>.Fail($"expected a {expectedKind} document, got '{Kind}'");
        if (KeyId != signer.KeyId) return Parsed<T>.Fail($"signed by key {KeyId}, expected {signer.KeyId}");
        if (!Base64.TryDecode(Payload, out var payload) || !Base64.TryDecode(Signature, out var signature))
            return Parsed<T>.Fail("payload or signature is not base64");
        if (!signer.Verify(payload, signature)) return Parsed<T>.Fail($"bad signature on {expectedKind}");
        return VmreJson.Parse<T>(payload);
    }

    public static Parsed<SignedDocument> ParseEnvelope(ReadOnlySpan<byte> json)
    {
        var parsed = VmreJson.Parse<SignedDocument>(json);
        if (!parsed.IsOk) return parsed;
        return parsed.Value!.MissesAField() ? Parsed<SignedDocument>.Fail("envelope is missing a field") : parsed;
    }

    // An envelope bound from JSON can have null fields whatever the record's annotations say.
    private bool MissesAField() =>
        Format is null || Kind is null || KeyId is null || Payload is null || Signature is null;

    public static Parsed<SignedDocument> ReadFile(string path)
    {
        if (!File.Exists(path)) return Parsed<SignedDocument>.Fail($"file not found: {path}");
        return ParseEnvelope(File.ReadAllBytes(path));
    }

    public void WriteFile(string path) => AtomicFile.Write(path, VmreJson.Bytes(this));

    public string ToJson() => JsonSerializer.Serialize(this, VmreJson.Indented);
}

/// <summary>Document kinds carried in the envelope.</summary>
public static class DocumentKinds
{
    public const string ElectionPackage = "election-package";
    public const string LnereSlice = "lnere-slice";
    public const string ModuleConfig = "module-config";
    public const string ZeroReport = "zero-report";
    public const string ClosingRecord = "closing-record";
    public const string Acta = "acta";
    public const string ModuleCommand = "module-command";
    public const string LogSeal = "log-seal";
    public const string MeasurementManifest = "measurement-manifest";
    /// <summary>A terminal's counts during the day, signed by its run's LAN leaf key (issue 10 point 3).</summary>
    public const string CountReport = "count-report";
}
