using Vmre.Firmware.Testigo;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// Compile shim only (t2-format, "callers compile against VMRE-T2"): VMRE-T2 testigos carry no
/// id (issue 9 point 1), so a payload's TestigoId reads as null. The tests that still compare
/// testigo ids are rewritten by the booth's new flow; delete this file with the last of them.
/// </summary>
internal static class RetiredTestigoId
{
    extension(TestigoPayload payload)
    {
        public string? TestigoId => null;
    }
}
