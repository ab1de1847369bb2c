namespace Vmre.FuzzTargets.Generation;

/// <summary>
/// Mutations and random streams for ESC/POS. The class swaps trade a byte for a command
/// introducer (ESC, GS, DLE, LF) or a length byte at its extremes, which is where a printer's
/// parser breaks: a GS ( k whose length runs past the end, a cut with no argument.
/// </summary>
public static class ByteMutation
{
    private static readonly byte[] Introducers = [0x1B, 0x1D, 0x10, 0x0A, 0x0D, 0x00, 0x04, 0x28, 0x6B, 0x56, 0x21, 0x74];
    private static readonly byte[] Extremes = [0x00, 0x01, 0x02, 0x30, 0x31, 0x7F, 0x80, 0xFE, 0xFF];

    private static readonly Mutation<byte> Bytes = new(FlipBit, SwapClass, AnyByte);

    public static byte[] Mutate(Random random, byte[] valid, Func<byte[]> anotherValid) =>
        Bytes.Apply(random, valid, anotherValid);

    /// <summary>A random stream: plain bytes with command introducers sprinkled in.</summary>
    public static byte[] RandomStream(Random random, int maxLength)
    {
        var bytes = new byte[random.Next(maxLength + 1)];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = AnyByte(random);
        return bytes;
    }

    private static byte AnyByte(Random random) => random.Next(3) switch
    {
        0 => Introducers[random.Next(Introducers.Length)],
        1 => Extremes[random.Next(Extremes.Length)],
        _ => (byte)random.Next(256),
    };

    private static byte FlipBit(Random random, byte b) => (byte)(b ^ (1 << random.Next(8)));

    private static byte SwapClass(Random random, byte b) => b < 0x20
        ? Introducers[random.Next(Introducers.Length)]
        : Extremes[random.Next(Extremes.Length)];
}
