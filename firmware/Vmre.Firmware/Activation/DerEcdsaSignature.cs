namespace Vmre.Firmware.Activation
{
    /// <summary>
    /// Shape check of an ECDSA P-256 signature in DER: SEQUENCE { INTEGER r, INTEGER s }.
    /// Not a verification (firmware has no ECDSA); it rejects garbage early and keeps the
    /// token canonical: minimal, positive integers of at most 33 bytes, nothing trailing.
    /// </summary>
    internal static class DerEcdsaSignature
    {
        public static bool IsWellFormed(byte[] der)
        {
            // 2 (SEQUENCE header) + 2 * (2 + 1..33): 8 to 72 bytes, so lengths are short-form.
            if (der.Length < 8 || der.Length > 72) return false;
            if (der[0] != 0x30 || der[1] != der.Length - 2) return false;
            int next = ReadInteger(der, 2);
            if (next < 0) return false;
            next = ReadInteger(der, next);
            return next == der.Length;
        }

        // Returns the offset after the INTEGER at offset, or -1 when it is not a valid one.
        private static int ReadInteger(byte[] der, int offset)
        {
            if (offset + 2 > der.Length || der[offset] != 0x02) return -1;
            int length = der[offset + 1];
            int start = offset + 2;
            if (length < 1 || length > 33 || start + length > der.Length) return -1;
            if ((der[start] & 0x80) != 0) return -1; // negative: r and s are positive
            if (length > 1 && der[start] == 0 && (der[start + 1] & 0x80) == 0) return -1; // not minimal
            if (length == 33 && der[start] != 0) return -1; // more than 256 bits
            return start + length;
        }
    }
}
