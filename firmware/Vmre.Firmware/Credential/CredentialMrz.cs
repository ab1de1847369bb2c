namespace Vmre.Firmware.Credential
{
    /// <summary>
    /// Fields read from the TD1 MRZ of an INE credential (CPV / CPVE). It lives only at the
    /// check-in desk and the module server: the voting terminal never receives it
    /// (rules.md R2). Dates stay as YYMMDD strings: century and validity are host policy.
    /// </summary>
    public sealed class CredentialMrz
    {
        internal CredentialMrz() { }

        /// <summary>Document number: INE's CIC, 9 chars.</summary>
        public string DocumentNumber { get; internal set; }

        /// <summary>INE citizen identifier (13 digits) from line 1 optional data; null when absent.</summary>
        public string CitizenId { get; internal set; }

        /// <summary>Line 1 optional data (positions 16-30) exactly as printed.</summary>
        public string OptionalData1 { get; internal set; }

        /// <summary>Line 2 optional data (positions 19-29) exactly as printed.</summary>
        public string OptionalData2 { get; internal set; }

        /// <summary>Birth date, YYMMDD.</summary>
        public string BirthDate { get; internal set; }

        /// <summary>"M", "F", "H" or "&lt;" (unspecified), as printed.</summary>
        public string Sex { get; internal set; }

        /// <summary>Expiry date, YYMMDD.</summary>
        public string ExpiryDate { get; internal set; }

        /// <summary>Nationality, 3 chars (e.g. "MEX").</summary>
        public string Nationality { get; internal set; }

        /// <summary>Surnames with '&lt;' turned into spaces, e.g. "GARCIA LOPEZ".</summary>
        public string Surnames { get; internal set; }

        /// <summary>Given names with '&lt;' turned into spaces, e.g. "MARIA JOSE".</summary>
        public string GivenNames { get; internal set; }
    }
}
