using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Tools.Testigo;

/// <summary>
/// A mark printed under a testigo (VMRE-M1, docs/formats/testigo-marks.md): EMITIDO, or ANULADO
/// with its reason code and the Spanish reason the paper prints.
/// </summary>
public sealed record MarkJson(string Format, string Mark, string? Reason = null, string? ReasonText = null)
{
    public static MarkJson Of(TestigoMark mark) => mark.Kind == TestigoMarkKind.Accepted
        ? new MarkJson(TestigoMark.Tag, TestigoMark.AcceptedWord)
        : new MarkJson(TestigoMark.Tag, TestigoMark.VoidedWord, VoidReasonCodes.CodeOf(mark.Reason), VoidReasonCodes.SpanishOf(mark.Reason));
}

/// <summary>
/// What a paper image is to the recount (the audit's <c>PaperRecount.Classify</c>, the counters'
/// rule): its marks and the verdict (counted, voided, not-a-vote) with the finding in words.
/// </summary>
public sealed record PaperJson(IReadOnlyList<MarkJson> Marks, string Recount, string Finding);
