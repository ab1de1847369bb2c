using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Audit.Paper;

/// <summary>
/// One paper as the recount reads it: its verdict, the testigo its QR carries (when one reads),
/// the void reason of an ANULADO mark, and the finding in words (for a refusal: the decoder's
/// reason, which names the old format).
/// </summary>
public sealed record PaperRead(PaperVerdict Verdict, TestigoPayload? Testigo, VoidReason? Void, string Finding)
{
    public bool Counts => Verdict == PaperVerdict.Counted;
}
