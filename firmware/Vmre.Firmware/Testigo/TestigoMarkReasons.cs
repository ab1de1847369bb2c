namespace Vmre.Firmware.Testigo
{
    /// <summary>
    /// Every reason the mark decoder refuses a text. Public constants so the paper recount and
    /// the tests match on them. Documented in docs/formats/testigo-marks.md.
    /// </summary>
    public static class TestigoMarkReasons
    {
        public const string Empty = "mark is empty";
        public const string TooLong = "mark exceeds 32 chars";
        public const string UnknownTag = "unknown format tag";
        public const string UnknownVerdict = "mark must say EMITIDO or ANULADO";
        public const string FieldCount = "EMITIDO mark has 2 fields and ANULADO mark 3, separated by |";
        public const string UnknownReason = "unknown void reason code";
    }
}
