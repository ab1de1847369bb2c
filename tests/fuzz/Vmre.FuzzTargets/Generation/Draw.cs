namespace Vmre.FuzzTargets.Generation;

/// <summary>Seeded draws of the small pieces the formats are made of.</summary>
public static class Draw
{
    public const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    public const string Digits = "0123456789";
    public const string IdChars = Upper + Digits + "-";

    public static string From(Random random, string alphabet, int min, int max)
    {
        var chars = new char[random.Next(min, max + 1)];
        for (int i = 0; i < chars.Length; i++) chars[i] = alphabet[random.Next(alphabet.Length)];
        return new string(chars);
    }

    public static string Words(Random random, int words, int maxLetters)
    {
        var parts = new string[1 + random.Next(words)];
        for (int i = 0; i < parts.Length; i++) parts[i] = From(random, Upper, 1, maxLetters);
        return string.Join(" ", parts);
    }

    public static T One<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
