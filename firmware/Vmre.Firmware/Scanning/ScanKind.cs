namespace Vmre.Firmware.Scanning
{
    /// <summary>What a scanned text turned out to be.</summary>
    public enum ScanKind
    {
        /// <summary>A well-formed activation token (VMRE-A2); its signature is not verified yet.</summary>
        Activation = 0,

        /// <summary>An INE credential MRZ (ICAO 9303 TD1) with every check digit right.</summary>
        Credential = 1,

        /// <summary>Neither; ScanResult.Reason says why without echoing the text.</summary>
        Refused = 2
    }
}
