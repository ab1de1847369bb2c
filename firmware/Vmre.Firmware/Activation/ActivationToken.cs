using Vmre.Firmware.Text;

namespace Vmre.Firmware.Activation
{
    /// <summary>
    /// Single-use terminal activation, format v1:
    /// VMRE-A1|moduleId|style|nonce|signature
    /// It carries a ballot style and a random nonce only, never a voter identity or a time
    /// (rules.md R2). The signature is the module server's ECDSA P-256 DER signature over
    /// the UTF-8 bytes of SignedPart; firmware has no ECDSA, so the host verifies it.
    /// </summary>
    public sealed class ActivationToken
    {
        internal const string Tag = "VMRE-A1";
        internal const int MaxLength = 256;

        private readonly byte[] _signature;

        internal ActivationToken(string moduleId, string ballotStyle, string nonce, byte[] signature)
        {
            ModuleId = moduleId;
            BallotStyle = ballotStyle;
            Nonce = nonce;
            _signature = signature;
            SignedPart = SignedText(moduleId, ballotStyle, nonce);
        }

        /// <summary>Issuing module, 1-16 chars [A-Z0-9-], e.g. "MRV-CHI".</summary>
        public string ModuleId { get; private set; }

        /// <summary>Ballot style the terminal must show, 1-8 chars [A-Z0-9-].</summary>
        public string BallotStyle { get; private set; }

        /// <summary>32 lower-case hex chars: 128 bits from the module server's OS CSPRNG.</summary>
        public string Nonce { get; private set; }

        /// <summary>The exact text whose UTF-8 bytes were signed: "VMRE-A1|moduleId|style|nonce".</summary>
        public string SignedPart { get; private set; }

        /// <summary>DER-encoded ECDSA signature bytes (a copy).</summary>
        public byte[] Signature
        {
            get
            {
                byte[] copy = new byte[_signature.Length];
                System.Array.Copy(_signature, copy, _signature.Length);
                return copy;
            }
        }

        /// <summary>
        /// The text the module server signs. Invalid fields are a host programming error
        /// (the server generates them), so this throws ArgumentException.
        /// </summary>
        public static string Unsigned(string moduleId, string ballotStyle, string nonce)
        {
            string reason = CheckFields(moduleId, ballotStyle, nonce);
            if (reason != null) throw new System.ArgumentException("activation fields invalid: " + reason);
            return SignedText(moduleId, ballotStyle, nonce);
        }

        private static string SignedText(string moduleId, string ballotStyle, string nonce)
        {
            return Tag + "|" + moduleId + "|" + ballotStyle + "|" + nonce;
        }

        /// <summary>Appends the base64url DER signature to the text returned by Unsigned.</summary>
        public static string WithSignature(string unsignedText, byte[] derSignature)
        {
            if (unsignedText == null) throw new System.ArgumentNullException("unsignedText");
            if (derSignature == null) throw new System.ArgumentNullException("derSignature");
            string token = unsignedText + "|" + Base64Url.Encode(derSignature);
            ActivationTokenDecodeResult check = ActivationTokenDecoder.Decode(token);
            if (!check.Ok) throw new System.ArgumentException("activation token invalid: " + check.Reason);
            return token;
        }

        /// <summary>The wire text of this token.</summary>
        public string Encode()
        {
            return SignedPart + "|" + Base64Url.Encode(_signature);
        }

        internal static string CheckFields(string moduleId, string ballotStyle, string nonce)
        {
            if (!Chars.IsId(moduleId, 1, 16)) return ActivationReasons.BadModuleId;
            if (!Chars.IsId(ballotStyle, 1, 8)) return ActivationReasons.BadStyle;
            if (!Chars.IsLowerHexString(nonce, 32)) return ActivationReasons.BadNonce;
            return null;
        }
    }
}
