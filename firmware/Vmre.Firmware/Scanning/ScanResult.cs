using Vmre.Firmware.Activation;
using Vmre.Firmware.Credential;

namespace Vmre.Firmware.Scanning
{
    /// <summary>The classified scan: exactly one of Activation, Credential or Reason is set.</summary>
    public sealed class ScanResult
    {
        private ScanResult(ScanKind kind, ActivationToken activation, CredentialMrz credential, string reason)
        {
            Kind = kind;
            Activation = activation;
            Credential = credential;
            Reason = reason;
        }

        public ScanKind Kind { get; private set; }

        /// <summary>
        /// The decoded token when Kind is Activation. Its signature is NOT verified: the host
        /// verifies it before burning the activation (rules.md R4, R5).
        /// </summary>
        public ActivationToken Activation { get; private set; }

        /// <summary>
        /// The parsed MRZ when Kind is Credential. Voter identity: only the check-in desk may
        /// use it; a voting terminal must refuse it and keep nothing (rules.md R2).
        /// </summary>
        public CredentialMrz Credential { get; private set; }

        /// <summary>A ScanReasons text when Kind is Refused; null otherwise. Never holds scanned text.</summary>
        public string Reason { get; private set; }

        internal static ScanResult ForActivation(ActivationToken token)
        {
            return new ScanResult(ScanKind.Activation, token, null, null);
        }

        internal static ScanResult ForCredential(CredentialMrz credential)
        {
            return new ScanResult(ScanKind.Credential, null, credential, null);
        }

        internal static ScanResult Refused(string reason)
        {
            return new ScanResult(ScanKind.Refused, null, null, reason);
        }
    }
}
