namespace Vmre.Firmware.Testigo
{
    /// <summary>
    /// Every reason the testigo codec gives for refusing a payload. Public constants so the
    /// hosts, the paper re-count tool and the tests match on them, not on prose.
    /// Documented in docs/formats/testigo-qr.md.
    /// </summary>
    public static class TestigoReasons
    {
        public const string Empty = "payload is empty";
        public const string TooLong = "payload exceeds 512 bytes";
        public const string UnknownTag = "unknown format tag";

        /// <summary>A v1 testigo (issue 9 point 1: its id made it a receipt), refused by name.</summary>
        public const string RetiredT1 = "testigo format VMRE-T1 carries a testigo id and is no longer accepted; this reader reads VMRE-T2";

        public const string NotWireChar = "payload may only hold A-Z a-f 0-9 space and | ; = + : - %";
        public const string FieldCount = "payload must have 4 fields separated by |";
        public const string BadElection = "election id must be 8 lowercase hex chars";
        public const string BadStyle = "ballot style must be 1-8 chars [A-Z0-9-]";
        public const string ContestCount = "payload must hold 1 to 8 contests";
        public const string BadContestEntry = "contest entry must be <contest>=<marks>";
        public const string BadContestId = "contest id must be 1-16 chars [A-Z0-9-]";
        public const string DuplicateContest = "duplicate contest id";
        public const string EmptyMarks = "marks are empty";
        public const string BadWriteInName = "write-in name must be 1-40 chars of A-Z, space, Ñ Á É Í Ó Ú Ü";
        public const string WriteInSpacing = "write-in name has leading, trailing or double spaces";
        public const string WriteInLowercaseHex = "write-in percent-encoding must use uppercase hex";
        public const string WriteInEncodedAscii = "write-in percent-encodes an ASCII character";
        public const string BadWriteInEncoding = "write-in percent-encoding must be %XX pairs spelling UTF-8 letters";
        public const string BadPartyCode = "party code must be 1-10 chars [A-Z0-9]";
        public const string DuplicateParty = "duplicate party code";
        public const string NotCanonical = "party codes not in canonical order";
    }
}
