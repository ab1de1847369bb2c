using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>
/// The coercer of issue 9 point 6: it ordered a voter to write in a long name no one else would
/// and another to mark a combination no one else marks, and looks for proof in everything
/// published. What it finds is returned as sentences (none: it cannot confirm).
/// - The name, in every form a file could hold it: as typed, without accents, in upper and lower
///   case, percent-encoded (the VMRE-T2 wire form), JSON-escaped (\u00cd, also what a NIST export
///   writes), with "+" or "%20" for spaces; as UTF-8 and as Latin-1 bytes; in each file's bytes and
///   in every base64 payload (signed documents) decoded. Also its longest word alone.
/// - Any per-ballot record of the combination: a JSON object or a text line that names it and is
///   not a line of counts (an object with a number beside the key, a text line with a number).
/// Residual (documented, not a finding): the acta and the closing records count the combination,
/// and a rare one counts 1 — the legal acta format shows that someone at this module marked it,
/// not who; with several voters coerced to the same rare combination the coercer cannot tell
/// which of them obeyed.
/// </summary>
public sealed class Coercer(string writeInName, string combinationKey)
{
    public List<string> Search(IReadOnlyList<PublishedFile> published)
    {
        var findings = new List<string>();
        var forms = NameForms(writeInName).Concat(NameForms(writeInName.Split(' ').MaxBy(w => w.Length)!)).Distinct().ToList();
        var combination = new[] { combinationKey, combinationKey.Replace('+', '-'), combinationKey.Replace('+', ' ') };
        foreach (var file in published)
        {
            foreach (var text in Texts(file.Bytes))
            {
                foreach (var form in forms.Where(f => text.Contains(f, StringComparison.OrdinalIgnoreCase)))
                    findings.Add($"{file.RelativePath} holds the coerced name as \"{form}\"");
                findings.AddRange(PerBallot(text, combination).Select(r => $"{file.RelativePath} has a per-ballot record of {combinationKey}: {r}"));
            }
        }
        return findings.Distinct().ToList();
    }

    /// <summary>Each form as the strings its UTF-8 and Latin-1 bytes read as Latin-1 (byte for byte).</summary>
    private static IEnumerable<string> NameForms(string name)
    {
        var latin1 = Encoding.Latin1;
        // Upper and lower case apart too: an accented letter's escapes differ by case (Í is \u00cd and %C3%8D, í is \u00ed and %C3%AD).
        foreach (var written in new[] { name.ToUpperInvariant(), name.ToLowerInvariant(), Unaccented(name) })
            foreach (var spaced in new[] { written, written.Replace(" ", "+"), written.Replace(" ", "%20") })
                foreach (var form in new[] { spaced, PercentEncoded(spaced), JsonEscaped(spaced) })
                {
                    yield return latin1.GetString(Encoding.UTF8.GetBytes(form));
                    yield return latin1.GetString(latin1.GetBytes(form));
                }
    }

    private static string Unaccented(string s) => new(s.Normalize(NormalizationForm.FormD)
        .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());

    private static string PercentEncoded(string s) => string.Concat(s.Select(c => c < 128 ? c.ToString()
        : string.Concat(Encoding.UTF8.GetBytes(c.ToString()).Select(b => $"%{b:X2}"))));

    private static string JsonEscaped(string s) => string.Concat(s.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:x4}"));

    /// <summary>The file read byte for byte (Latin-1), and every base64 payload in it decoded, likewise.</summary>
    private static IEnumerable<string> Texts(byte[] bytes)
    {
        var raw = Encoding.Latin1.GetString(bytes);
        yield return raw;
        foreach (var token in raw.Split('"').Where(t => t.Length >= 16 && t.All(c => char.IsAsciiLetterOrDigit(c) || c is '+' or '/' or '=')))
        {
            var buffer = new byte[token.Length];
            if (Convert.TryFromBase64String(token, buffer, out var n) && n > 0 && buffer[0] is (byte)'{' or (byte)'[')
                yield return Encoding.Latin1.GetString(buffer, 0, n);
        }
    }

    private static IEnumerable<string> PerBallot(string text, string[] combination)
    {
        bool Named(string s) => Words(s).Any(w => combination.Contains(w, StringComparer.OrdinalIgnoreCase));
        var units = Json(text) is { } whole ? [whole.RootElement] : new List<JsonElement>();
        if (units.Count == 0)
            foreach (var line in text.Split('\n'))
            {
                if (Json(line) is { } json) units.Add(json.RootElement);
                else if (Named(line) && !line.Split(' ').Any(w => w.Length > 0 && w.All(char.IsAsciiDigit))) yield return line.Trim();
            }
        foreach (var found in units.SelectMany(Objects).Where(o => OwnStrings(o).Any(Named) && !IsCountLine(o)))
            yield return found.GetRawText();
    }

    private static JsonDocument? Json(string text)
    {
        var t = text.TrimStart();
        if (t.Length == 0 || (t[0] != '{' && t[0] != '[')) return null;
        try { return JsonDocument.Parse(text); } catch (JsonException) { return null; }
    }

    /// <summary>Words as a combination is written: letters and digits, with "+" or "-" inside it.</summary>
    private static IEnumerable<string> Words(string s) =>
        System.Text.RegularExpressions.Regex.Matches(s, @"[\p{L}\p{N}]+(?:[+\- ][\p{L}\p{N}]+)*").SelectMany(m => Spans(m.Value));

    /// <summary>Every run of consecutive words of a phrase ("A-B-C" gives A, A-B, A-B-C, B, B-C, C).</summary>
    private static IEnumerable<string> Spans(string phrase)
    {
        var cuts = new List<int> { -1 };
        for (var i = 0; i < phrase.Length; i++) if (phrase[i] is '+' or '-' or ' ') cuts.Add(i);
        cuts.Add(phrase.Length);
        for (var a = 0; a < cuts.Count - 1; a++)
            for (var b = a + 1; b < cuts.Count; b++)
                yield return phrase[(cuts[a] + 1)..cuts[b]];
    }

    private static IEnumerable<JsonElement> Objects(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().SelectMany(p => Objects(p.Value)).Prepend(e),
        JsonValueKind.Array => e.EnumerateArray().SelectMany(Objects),
        _ => [],
    };

    private static IEnumerable<string> OwnStrings(JsonElement o) =>
        o.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.String).Select(p => p.Value.GetString()!);

    private static bool IsCountLine(JsonElement o) => o.EnumerateObject().Any(p => p.Value.ValueKind == JsonValueKind.Number);
}
