using Vmre.Firmware.Activation;

namespace Vmre.FuzzTargets.Generation;

/// <summary>
/// Valid activation tokens. The signature is a well-formed DER ECDSA shape drawn from the
/// seed, not a real signature: the decoder checks shape only (the host verifies), and a real
/// ECDSA signature is randomised, which would make a seed unable to replay its cases.
/// </summary>
public static class ValidActivationToken
{
    public static string Next(Random random) =>
        ActivationToken.WithSignature(
            ActivationToken.Unsigned(Draw.From(random, Draw.IdChars, 1, 16), Draw.From(random, "0123456789abcdef", 16, 16),
                Draw.From(random, Draw.IdChars, 1, 8),
                Draw.From(random, "0123456789abcdef", 32, 32)),
            DerSignature(random));

    private static byte[] DerSignature(Random random)
    {
        var r = Integer(random);
        var s = Integer(random);
        return [0x30, (byte)(r.Length + s.Length), .. r, .. s];
    }

    // A positive INTEGER of up to 256 bits, minimally encoded (a 0x00 only before a high bit).
    private static byte[] Integer(Random random)
    {
        var value = new byte[1 + random.Next(32)];
        random.NextBytes(value);
        int start = 0;
        while (start < value.Length - 1 && value[start] == 0) start++;
        var body = value[start..];
        if ((body[0] & 0x80) != 0) body = [0x00, .. body];
        return [0x02, (byte)body.Length, .. body];
    }
}
