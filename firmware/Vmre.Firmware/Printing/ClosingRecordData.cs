namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// What the terminal's closing record prints (Brief section 2, step 5). Strings are
    /// formatted by the host; the counts come from the sealed vote store.
    /// </summary>
    public sealed class ClosingRecordData
    {
        public string ModuleId;
        public string DeviceId;
        public string PackageHash;
        public string UtcTime;
        public string LocalTime;

        /// <summary>One line per counted option, e.g. "GOB PAN+PRI+PRD" or "GOB Votos nulos".</summary>
        public string[] CountLabels;

        public int[] Counts;

        public int VotesSealed;
        public int TestigosPrinted;
        public int ActivationsRedeemed;
        public int TestigosVoided;

        /// <summary>Sessions that ended without a vote (cancelled, timed out, interrupted, cut by a power loss).</summary>
        public int SessionsWithoutVote;

        /// <summary>Hash of the signed closing record, hex.</summary>
        public string RecordHash;
    }
}
