using Vmre.Firmware.Printing;

namespace Vmre.Audit.Paper;

/// <summary>
/// One Code128 mark under a testigo, read from the image (docs/formats/testigo-marks.md,
/// VMRE-M1): the acceptance mark EMITIDO, or ANULADO with its reason. Any other barcode text is
/// no mark (null), so a stray barcode can neither count nor void a paper.
/// </summary>
public sealed record PaperMark(bool Accepted, VoidReason? Void)
{
    public const string Tag = "VMRE-M1";

    public static PaperMark? Read(string text)
    {
        if (text == Tag + "|EMITIDO") return new PaperMark(true, null);
        const string voided = Tag + "|ANULADO|";
        if (text.StartsWith(voided, StringComparison.Ordinal) && VoidReasonCodes.TryParse(text[voided.Length..], out var reason))
            return new PaperMark(false, reason);
        return null;
    }
}
