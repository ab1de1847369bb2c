namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// What a voiding notice prints. Deliberately has no time and no sequence field
    /// (rules.md R3): notices printed together at recovery must not date the testigos they void.
    /// </summary>
    public sealed class VoidingNoticeData
    {
        public string ElectionName;

        /// <summary>The void testigo's 20 hex char id, as printed on it.</summary>
        public string TestigoId;

        public VoidReason Reason;

        public string DeviceId;

        /// <summary>Full election package SHA-256; the notice prints its first 16 chars.</summary>
        public string PackageHash;

        /// <summary>The encoded notice (VoidingNoticePayload.Encode()).</summary>
        public string QrPayload;
    }
}
