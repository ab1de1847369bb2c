using Vmre.Firmware.Text;

namespace Vmre.Firmware.Activation
{
    /// <summary>
    /// Strict decoder of activation token v2 (a v1 token is refused by name). Checks syntax and the DER shape of the
    /// signature only; the host verifies the ECDSA signature and burns the nonce
    /// (rules.md R4). Never throws on any input.
    /// </summary>
    public static class ActivationTokenDecoder
    {
        public static ActivationTokenDecodeResult Decode(string text)
        {
            if (text == null || text.Length == 0) return ActivationTokenDecodeResult.Failure(ActivationReasons.Empty);
            if (text.Length > ActivationToken.MaxLength) return ActivationTokenDecodeResult.Failure(ActivationReasons.TooLong);

            string[] fields = text.Split('|');
            if (fields[0] == ActivationToken.RetiredTag) return ActivationTokenDecodeResult.Failure(ActivationReasons.RetiredV1);
            if (fields[0] != ActivationToken.Tag) return ActivationTokenDecodeResult.Failure(ActivationReasons.UnknownTag);
            if (fields.Length != 6) return ActivationTokenDecodeResult.Failure(ActivationReasons.FieldCount);

            string reason = ActivationToken.CheckFields(fields[1], fields[2], fields[3], fields[4]);
            if (reason != null) return ActivationTokenDecodeResult.Failure(reason);

            byte[] signature = fields[5].Length == 0 ? null : Base64Url.TryDecode(fields[5]);
            if (signature == null) return ActivationTokenDecodeResult.Failure(ActivationReasons.BadSignatureEncoding);
            if (!DerEcdsaSignature.IsWellFormed(signature)) return ActivationTokenDecodeResult.Failure(ActivationReasons.BadSignatureDer);

            return ActivationTokenDecodeResult.Success(new ActivationToken(fields[1], fields[2], fields[3], fields[4], signature));
        }
    }
}
