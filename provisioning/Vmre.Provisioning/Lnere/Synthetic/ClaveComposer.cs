using System.Globalization;
using System.Text;

namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>
/// Builds synthetic claves de elector in the real layout (docs/formats/lnere.md): for the
/// paternal surname, maternal surname and first given name, the first letter and the next
/// consonant (accents dropped, Ñ written X); then YYMMDD, state of birth, H/M and a
/// 3-digit homoclave. The letter rule is ours, not INE's: only the shape must be right.
/// </summary>
public static class ClaveComposer
{
    public static string Letters(string paternal, string maternal, string givenName) =>
        Pair(paternal) + Pair(maternal) + Pair(givenName.Split(' ')[0]);

    public static string Compose(string letters, DateOnly birth, int stateOfBirth, char sex, int homoclave) =>
        string.Create(18, (letters, birth, stateOfBirth, sex, homoclave), static (span, s) =>
        {
            s.letters.AsSpan().CopyTo(span);
            s.birth.TryFormat(span[6..], out _, "yyMMdd", CultureInfo.InvariantCulture);
            s.stateOfBirth.TryFormat(span[12..], out _, "D2", CultureInfo.InvariantCulture);
            span[14] = s.sex;
            s.homoclave.TryFormat(span[15..], out _, "D3", CultureInfo.InvariantCulture);
        });

    private static string Pair(string word)
    {
        var plain = Plain(word);
        var first = plain[0];
        var next = plain.Skip(1).FirstOrDefault(c => "AEIOU".IndexOf(c) < 0, 'X');
        return $"{first}{next}";
    }

    private static string Plain(string word)
    {
        var upper = word.ToUpperInvariant().Replace('Ñ', 'X');
        var text = new StringBuilder();
        foreach (var c in upper.Normalize(NormalizationForm.FormD))
            if (c is >= 'A' and <= 'Z') text.Append(c);
        return text.ToString();
    }
}
