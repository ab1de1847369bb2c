namespace Vmre.Firmware.Activation
{
    /// <summary>
    /// Every reason the activation token decoder gives for refusing a token. Documented in
    /// docs/formats/activation-token.md. The host logs the reason (rules.md R4: a refused
    /// activation is logged) and shows the voter a generic message.
    /// </summary>
    public static class ActivationReasons
    {
        public const string Empty = "token is empty";
        public const string TooLong = "token exceeds 256 chars";
        public const string UnknownTag = "unknown format tag";
        /// <summary>A v1 token is bound to no package (issue 8 point 4): refused by name, never read.</summary>
        public const string RetiredV1 = "format VMRE-A1 is retired: activations are VMRE-A2";
        public const string FieldCount = "token must have 6 fields separated by |";
        public const string BadModuleId = "module id must be 1-16 chars [A-Z0-9-]";
        public const string BadPackageId = "package id must be 16 lowercase hex chars";
        public const string BadStyle = "ballot style must be 1-8 chars [A-Z0-9-]";
        public const string BadNonce = "nonce must be 32 lowercase hex chars";
        public const string BadSignatureEncoding = "signature must be unpadded canonical base64url";
        public const string BadSignatureDer = "signature is not a DER ECDSA P-256 signature";
    }
}
