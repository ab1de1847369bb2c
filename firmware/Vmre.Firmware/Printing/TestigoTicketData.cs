namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// What the testigo prints. Deliberately has no id, no time and no sequence field
    /// (rules.md R3; issue 9 point 1: nothing on the paper a voter can use as a receipt).
    /// </summary>
    public sealed class TestigoTicketData
    {
        /// <summary>The election's name; printed on at most 2 lines.</summary>
        public string ElectionName;

        /// <summary>Contest titles in ballot order; each printed on at most 2 lines.</summary>
        public string[] ContestTitles;

        /// <summary>
        /// The selection in words, one per contest (e.g. "PAN + PRI: Nombre", "Sin marca: voto
        /// nulo"); each printed on at most 2 lines.
        /// </summary>
        public string[] SelectionTexts;

        /// <summary>The encoded testigo payload (TestigoPayload.Encode(), VMRE-T2).</summary>
        public string QrPayload;

        /// <summary>Full election package SHA-256; the ticket prints its first 16 chars.</summary>
        public string PackageHash;
    }
}
