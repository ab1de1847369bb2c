using System.Security.Cryptography;
using System.Text;

namespace Vmre.Common.Logging;

/// <summary>
/// Text that came from a request, made fit for a log line (issue 11 point 2: one 8 MB
/// credential id grew the server log by 8 MB, fsynced). Short printable ASCII is kept as is,
/// so an ordinary id still reads in the log; anything longer or with other characters (line
/// breaks, escapes, control bytes, non-ASCII look-alikes) is replaced by its hash and length,
/// which still lets an investigator match it against a suspected value.
/// </summary>
public static class LogText
{
    public const int MaxKept = 64;

    public static string Untrusted(string? text)
    {
        if (text is null) return "(none)";
        if (text.Length <= MaxKept && text.All(c => c is >= ' ' and <= '~')) return text;
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return $"sha256:{Convert.ToHexStringLower(hash, 0, 8)},len:{text.Length}";
    }

    public const int MaxReason = 200;

    /// <summary>
    /// A refusal reason that may quote a peer's document (a strict reading names an unknown
    /// property): kept readable, but bounded. Up to 200 characters, each outside printable ASCII
    /// shown as '?'; a longer or altered reason ends with " [sha256:…,len:N]" of the full text.
    /// </summary>
    public static string Reason(string? text)
    {
        if (text is null) return "(none)";
        var printable = text.All(c => c is >= ' ' and <= '~');
        if (text.Length <= MaxReason && printable) return text;
        var kept = new string(text.Take(MaxReason).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return $"{kept} [sha256:{Convert.ToHexStringLower(hash, 0, 8)},len:{text.Length}]";
    }
}
