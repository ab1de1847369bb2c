namespace Vmre.Firmware.Scanning
{
    /// <summary>
    /// Why a scan was refused. Reasons are built only from these constants and the decoders'
    /// own constant reasons, never from the scanned text: it may hold an activation nonce or
    /// a voter's identity, and refusals are logged (rules.md R2, R3, R4).
    /// </summary>
    public static class ScanReasons
    {
        public const string Empty = "empty";

        /// <summary>Prefix; the rest is an ActivationReasons or MrzReasons constant.</summary>
        public const string NotRecognized = "not an activation code or credential MRZ: ";
    }
}
