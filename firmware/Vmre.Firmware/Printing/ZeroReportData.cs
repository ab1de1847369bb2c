namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// What the zero report prints (Brief section 2, step 2). The host formats every string,
    /// including both times: firmware does no time zone math.
    /// </summary>
    public sealed class ZeroReportData
    {
        public string ModuleId;
        public string DeviceId;
        public string ElectionName;

        /// <summary>Full SHA-256 of the election package, hex.</summary>
        public string PackageHash;

        /// <summary>Full SHA-256 of the software image, hex.</summary>
        public string SoftwareHash;
        /// <summary>SHA-256 of the measurement manifest the terminal started under (issue 10); null prints nothing.</summary>
        public string MeasurementsHash;

        /// <summary>e.g. "2024-06-02 13:00:05 UTC".</summary>
        public string UtcTime;

        /// <summary>e.g. "2024-06-02 08:00:05 -05:00 (America/Chicago)".</summary>
        public string LocalTime;

        /// <summary>One label per contest, e.g. "Gubernatura Coahuila".</summary>
        public string[] ContestLabels;

        /// <summary>The counters as read from storage, one per contest. Printed as they are.</summary>
        public int[] ContestCounts;

        /// <summary>Total votes in storage, as read.</summary>
        public int TotalVotes;
    }
}
