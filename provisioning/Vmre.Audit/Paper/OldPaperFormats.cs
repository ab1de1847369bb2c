namespace Vmre.Audit.Paper;

/// <summary>
/// Papers of the formats issue 9 retired, refused by name (issue 9 point 5): a VMRE-T1 testigo and
/// a VMRE-V1 voiding notice both carry a testigo id, which let a voter prove their vote once the
/// recount was public. Found in a box, they are counted apart, never as votes nor as voids.
/// </summary>
public static class OldPaperFormats
{
    public const string TestigoV1 = "testigo format VMRE-T1 carries a testigo id and is no longer accepted; this reader reads VMRE-T2";
    public const string NoticeV1 = "voiding notice VMRE-V1 names a testigo id and is no longer accepted";

    /// <summary>The refusal for a QR text of a retired format, or null for any other text.</summary>
    public static string? RefusalOf(string qrText) =>
        qrText.StartsWith("VMRE-T1|", StringComparison.Ordinal) ? TestigoV1
        : qrText.StartsWith("VMRE-V1|", StringComparison.Ordinal) ? NoticeV1
        : null;
}
