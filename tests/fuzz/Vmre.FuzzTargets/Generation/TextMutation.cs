namespace Vmre.FuzzTargets.Generation;

/// <summary>
/// Mutations and random texts for the line formats (MRZ, testigo, activation token). The
/// class swaps stay near the grammar — digit for letter, case flips, one separator for
/// another — so mutated inputs get past the first checks and reach the deep ones.
/// </summary>
public static class TextMutation
{
    // Separators and fillers of the three formats, and the chars that break naive parsers.
    private const string Separators = "|;=+:-<\n\r ";
    private const string Tricky = "\0\t\u00A0ÑÁÉÍÓÚÜñé\uFEFF\uD800\uDC00€ı";

    private static readonly Mutation<char> Chars = new(FlipBit, SwapClass, AnyChar);

    public static string Mutate(Random random, string valid, Func<string> anotherValid) =>
        new(Chars.Apply(random, valid.ToCharArray(), () => anotherValid().ToCharArray()));

    /// <summary>A random text of 0 to <paramref name="maxLength"/> chars, mostly from <paramref name="alphabet"/>.</summary>
    public static string RandomText(Random random, string alphabet, int maxLength)
    {
        var chars = new char[random.Next(maxLength + 1)];
        for (int i = 0; i < chars.Length; i++)
            chars[i] = random.Next(8) == 0 ? AnyChar(random) : alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }

    public static char AnyChar(Random random) => random.Next(4) switch
    {
        0 => Separators[random.Next(Separators.Length)],
        1 => Tricky[random.Next(Tricky.Length)],
        2 => (char)random.Next(0x20, 0x7F),
        _ => (char)random.Next(0x10000), // lone surrogates included on purpose
    };

    // Mostly the low 7 bits (stays ASCII-ish); sometimes any of the 16.
    private static char FlipBit(Random random, char c) => (char)(c ^ (1 << (random.Next(4) == 0 ? random.Next(16) : random.Next(7))));

    private static char SwapClass(Random random, char c)
    {
        if (c is >= '0' and <= '9') return random.Next(2) == 0 ? (char)('A' + random.Next(26)) : (char)('0' + random.Next(10));
        if (c is >= 'A' and <= 'Z') return random.Next(3) switch { 0 => char.ToLowerInvariant(c), 1 => (char)('0' + random.Next(10)), _ => (char)('A' + random.Next(26)) };
        if (c is >= 'a' and <= 'z') return random.Next(2) == 0 ? char.ToUpperInvariant(c) : (char)('0' + c % 10);
        if (Separators.Contains(c)) return Separators[random.Next(Separators.Length)];
        return Tricky[random.Next(Tricky.Length)];
    }
}
