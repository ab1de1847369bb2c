namespace Vmre.Firmware.Activation
{
    /// <summary>Outcome of decoding an activation token: refusal is a value, never an exception.</summary>
    public sealed class ActivationTokenDecodeResult
    {
        private ActivationTokenDecodeResult(bool ok, string reason, ActivationToken token)
        {
            Ok = ok;
            Reason = reason;
            Token = token;
        }

        public bool Ok { get; private set; }

        /// <summary>One of ActivationReasons when Ok is false; null when Ok.</summary>
        public string Reason { get; private set; }

        /// <summary>
        /// The decoded token when Ok. Its signature is NOT verified yet: the host must verify
        /// it over Token.SignedPart before burning the activation (rules.md R4, R5).
        /// </summary>
        public ActivationToken Token { get; private set; }

        internal static ActivationTokenDecodeResult Success(ActivationToken token)
        {
            return new ActivationTokenDecodeResult(true, null, token);
        }

        internal static ActivationTokenDecodeResult Failure(string reason)
        {
            return new ActivationTokenDecodeResult(false, reason, null);
        }
    }
}
