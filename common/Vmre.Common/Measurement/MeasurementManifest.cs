using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Common.Measurement;

/// <summary>
/// The authority-signed list of what a terminal's measured start must measure
/// (docs/formats/measurements.md, issue 10 point 1): the master secret is sealed to
/// <see cref="ExpectedPcr"/>, and a legitimate update is re-sealed from a new manifest. Kept in
/// the terminal's data folder as <see cref="FileName"/>; the zero report prints its hash.
/// </summary>
public sealed record MeasurementManifest(string Format, string TerminalId, int Pcr, IReadOnlyList<MeasuredItem> Items, string ExpectedPcr)
{
    public const string FormatV1 = "vmre-measurements/1";
    public const string FileName = "measurements.signed.json";

    /// <summary>The manifest of the measurements of one terminal, the expected PCR computed from them.</summary>
    public static MeasurementManifest For(string terminalId, IReadOnlyList<MeasuredItem> items) =>
        new(FormatV1, terminalId, MeasurementList.Pcr, items, Convert.ToHexStringLower(MeasurementList.ExpectedPcr(items)));

    public static SignedDocument Sign(MeasurementManifest manifest, ISigner authority) =>
        SignedDocument.Create(DocumentKinds.MeasurementManifest, manifest, authority);

    public byte[] ExpectedPcrBytes() => Convert.FromHexString(ExpectedPcr);

    /// <summary>Verify the envelope against the authority's key, then the body: a refusal names what is wrong.</summary>
    public static Parsed<MeasurementManifest> Open(SignedDocument document, PublicKey authority) =>
        document.Open<MeasurementManifest>(DocumentKinds.MeasurementManifest, authority).Then(Check);

    /// <summary>Read and verify <see cref="FileName"/> in a data folder.</summary>
    public static Parsed<MeasurementManifest> Load(string path, PublicKey authority) =>
        SignedDocument.ReadFile(path).Then(d => Open(d, authority));

    private static Parsed<MeasurementManifest> Check(MeasurementManifest m)
    {
        if (m.Format != FormatV1) return Parsed<MeasurementManifest>.Fail($"unknown measurements format '{m.Format}'");
        if (m.Pcr != MeasurementList.Pcr) return Parsed<MeasurementManifest>.Fail($"measurements name PCR {m.Pcr}, expected {MeasurementList.Pcr}");
        if (m.Items is null || !m.Items.Select(i => i?.Name).SequenceEqual(MeasurementList.Names))
            return Parsed<MeasurementManifest>.Fail($"measurements must list {string.Join(", ", MeasurementList.Names)} in that order");
        if (m.Items.Any(i => i.Sha256 is null || i.Sha256.Length != 64 || !i.Sha256.All(Uri.IsHexDigit) || i.Sha256 != i.Sha256.ToLowerInvariant()))
            return Parsed<MeasurementManifest>.Fail("a measurement is not a lowercase SHA-256");
        if (m.ExpectedPcr != Convert.ToHexStringLower(MeasurementList.ExpectedPcr(m.Items)))
            return Parsed<MeasurementManifest>.Fail("expectedPcr is not the fold of the listed measurements");
        if (string.IsNullOrEmpty(m.TerminalId)) return Parsed<MeasurementManifest>.Fail("measurements name no terminal");
        return Parsed<MeasurementManifest>.Ok(m);
    }
}
