namespace Vmre.Common.Cards;

/// <summary>
/// CRC-32 as in ISO 3309 / ITU-T V.42 / zlib (reflected polynomial 0xEDB88320, initial and
/// final XOR 0xFFFFFFFF; check value of "123456789" is 0xCBF43926). It detects a torn or
/// partial card read, not forgery: the card is a token of identity, the PIN is the secret.
/// </summary>
internal static class Crc32
{
    public static uint Of(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in bytes)
        {
            crc ^= b;
            for (int bit = 0; bit < 8; bit++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
