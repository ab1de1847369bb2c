namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// Every reason the voiding notice decoder refuses a text, and Retired: the reason a
    /// recount refuses even a well-formed notice. Public constants so the paper
    /// recount tool and the tests match on them. Documented in docs/formats/voiding-notice.md.
    /// </summary>
    public static class VoidingNoticeReasons
    {
        public const string Empty = "payload is empty";
        public const string TooLong = "payload exceeds 64 chars";
        public const string UnknownTag = "unknown format tag";
        public const string FieldCount = "payload must have 4 fields separated by |";
        public const string BadElection = "election id must be 8 lowercase hex chars";
        public const string BadTestigoId = "testigo id must be 20 uppercase hex chars";
        public const string UnknownReason = "unknown void reason code";

        /// <summary>
        /// Why a recount refuses a notice that DOES decode: VMRE-V1 is no longer printed (it named
        /// a testigo id, issue 9 point 1); voids are marks on the testigo's own paper (VMRE-M1).
        /// </summary>
        public const string Retired = "voiding notice VMRE-V1 names a testigo id and is no longer accepted";
    }
}
