namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// What the testigo prints. Deliberately has no time and no sequence field (rules.md R3:
    /// no cast order anywhere, paper included).
    /// </summary>
    public sealed class TestigoTicketData
    {
        public string ElectionName;

        /// <summary>Contest titles in ballot order.</summary>
        public string[] ContestTitles;

        /// <summary>The selection in words, one per contest (e.g. "PAN + PRI + PRD (coalición)", "Voto nulo").</summary>
        public string[] SelectionTexts;

        /// <summary>The 20 hex char testigo id (also inside the QR).</summary>
        public string TestigoId;

        /// <summary>The encoded testigo payload (TestigoPayload.Encode()).</summary>
        public string QrPayload;

        /// <summary>Full election package SHA-256; the ticket prints its first 16 chars.</summary>
        public string PackageHash;
    }
}
