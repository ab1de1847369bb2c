namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// Every reason the voiding notice decoder refuses a text. Public constants so the paper
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
    }
}
