namespace Vmre.Firmware.Credential
{
    /// <summary>
    /// Every reason the MRZ parser gives for refusing a scan. The check-in desk shows it to
    /// the official, who then rescans or types the clave de elector (Brief section 2, step 3).
    /// </summary>
    public static class MrzReasons
    {
        public const string Empty = "mrz is empty";
        public const string LineCount = "mrz must have 3 lines";
        public const string LineLength = "each mrz line must be 30 chars";
        public const string Charset = "mrz may only hold A-Z, 0-9 and <";
        public const string DocumentType = "document type must be ID";
        public const string IssuingState = "issuing state must be MEX";
        public const string DocumentNumberCheck = "document number check digit mismatch";
        public const string BirthDateFormat = "birth date must be YYMMDD";
        public const string BirthDateCheck = "birth date check digit mismatch";
        public const string Sex = "sex must be M, F, H or <";
        public const string ExpiryDateFormat = "expiry date must be YYMMDD";
        public const string ExpiryDateCheck = "expiry date check digit mismatch";
        public const string Nationality = "nationality must be 3 chars A-Z or <";
        public const string CompositeCheck = "composite check digit mismatch";
        public const string Names = "names must be SURNAMES<<GIVEN<NAMES with letters only";
    }
}
