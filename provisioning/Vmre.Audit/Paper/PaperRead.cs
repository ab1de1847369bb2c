using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Audit.Paper;

/// <summary>One paper as its QR reads: a testigo, a voiding notice, or neither (both null: torn or not ours).</summary>
public sealed record PaperRead(TestigoPayload? Testigo, VoidingNoticePayload? Notice);
