using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Audit.Paper;

/// <summary>
/// Papers of the formats issue 9 retired, refused by name (issue 9 point 5): a VMRE-T1 testigo and
/// a VMRE-V1 voiding notice both carry a testigo id, which let a voter prove their vote once the
/// recount was public. Found in a box, they are counted apart, never as votes nor as voids.
/// The reasons are the firmware decoders' own (TestigoReasons.RetiredT1, VoidingNoticeReasons.Retired).
/// </summary>
public static class OldPaperFormats
{
    /// <summary>The refusal for a QR text of a retired format, or null for any other text.</summary>
    public static string? RefusalOf(string qrText)
    {
        if (TestigoDecoder.Decode(qrText) is { Ok: false, Reason: TestigoReasons.RetiredT1 }) return TestigoReasons.RetiredT1;
        // A V1 notice that decodes, and one that only carries the V1 tag, are both a retired notice.
        return qrText.StartsWith(VoidingNoticePayload.Tag + "|", StringComparison.Ordinal) ? VoidingNoticeReasons.Retired : null;
    }
}
