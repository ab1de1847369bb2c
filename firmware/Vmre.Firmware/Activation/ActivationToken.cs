using Vmre.Firmware.Text;

namespace Vmre.Firmware.Activation
{
    /// <summary>
    /// Single-use terminal activation, format v2:
    /// VMRE-A2|moduleId|packageId|style|nonce|signature
    /// It carries the module, the election package it is good for (issue 8 point 4: a token
    /// from a rehearsal signed with the same keys is refused), a ballot style and a random
    /// nonce, never a voter identity or a time (rules.md R2). The signature is the module server's ECDSA P-256 DER signature over
    /// the UTF-8 bytes of SignedPart; firmware has no ECDSA, so the host verifies it.
    /// </summary>
    public sealed class ActivationToken
    {
        internal const string Tag = "VMRE-A2";
        internal const string RetiredTag = "VMRE-A1";

        /// <summary>Length of the package id: the first 16 hex chars of the package hash (64 bits).</summary>
        public const int PackageIdLength = 16;
        internal const int MaxLength = 256;

        private readonly byte[] _signature;

        internal ActivationToken(string moduleId, string packageId, string ballotStyle, string nonce, byte[] signature)
        {
            ModuleId = moduleId;
            PackageId = packageId;
            BallotStyle = ballotStyle;
            Nonce = nonce;
            _signature = signature;
            SignedPart = SignedText(moduleId, packageId, ballotStyle, nonce);
        }

        /// <summary>Issuing module, 1-16 chars [A-Z0-9-], e.g. "MRV-CHI".</summary>
        public string ModuleId { get; private set; }

        /// <summary>
        /// The election package the token is good for: the first 16 lowercase hex chars of the
        /// package hash (SHA-256 of the package payload).
        /// </summary>
        public string PackageId { get; private set; }

        /// <summary>Ballot style the terminal must show, 1-8 chars [A-Z0-9-].</summary>
        public string BallotStyle { get; private set; }

        /// <summary>32 lower-case hex chars: 128 bits from the module server's OS CSPRNG.</summary>
        public string Nonce { get; private set; }

        /// <summary>The exact text whose UTF-8 bytes were signed: "VMRE-A2|moduleId|packageId|style|nonce".</summary>
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
        public static string Unsigned(string moduleId, string packageId, string ballotStyle, string nonce)
        {
            string reason = CheckFields(moduleId, packageId, ballotStyle, nonce);
            if (reason != null) throw new System.ArgumentException("activation fields invalid: " + reason);
            return SignedText(moduleId, packageId, ballotStyle, nonce);
        }

        /// <summary>
        /// The package id of a package hash (64 lowercase hex chars, as VMRE writes it): its
        /// first 16 chars. Throws ArgumentException on anything else (a host programming error).
        /// </summary>
        public static string PackageIdOf(string packageHash)
        {
            if (!Chars.IsLowerHexString(packageHash, 64)) throw new System.ArgumentException("package hash must be 64 lowercase hex chars");
            return packageHash.Substring(0, PackageIdLength);
        }

        private static string SignedText(string moduleId, string packageId, string ballotStyle, string nonce)
        {
            return Tag + "|" + moduleId + "|" + packageId + "|" + ballotStyle + "|" + nonce;
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

        internal static string CheckFields(string moduleId, string packageId, string ballotStyle, string nonce)
        {
            if (!Chars.IsId(moduleId, 1, 16)) return ActivationReasons.BadModuleId;
            if (!Chars.IsLowerHexString(packageId, PackageIdLength)) return ActivationReasons.BadPackageId;
            if (!Chars.IsId(ballotStyle, 1, 8)) return ActivationReasons.BadStyle;
            if (!Chars.IsLowerHexString(nonce, 32)) return ActivationReasons.BadNonce;
            return null;
        }
    }
}
