namespace Vmre.Firmware.Credential
{
    /// <summary>Outcome of parsing an MRZ: refusal is a value, never an exception.</summary>
    public sealed class MrzParseResult
    {
        private MrzParseResult(bool ok, string reason, CredentialMrz credential)
        {
            Ok = ok;
            Reason = reason;
            Credential = credential;
        }

        public bool Ok { get; private set; }

        /// <summary>One of MrzReasons when Ok is false; null when Ok.</summary>
        public string Reason { get; private set; }

        /// <summary>The parsed fields when Ok; null otherwise.</summary>
        public CredentialMrz Credential { get; private set; }

        internal static MrzParseResult Success(CredentialMrz credential)
        {
            return new MrzParseResult(true, null, credential);
        }

        internal static MrzParseResult Failure(string reason)
        {
            return new MrzParseResult(false, reason, null);
        }
    }
}
