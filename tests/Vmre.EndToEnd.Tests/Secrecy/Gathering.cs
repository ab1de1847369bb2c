using System.Text.RegularExpressions;

namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>A record being read: its words and the terminals it names, until it is whole.</summary>
internal sealed partial class Gathering(string file, DateTimeOffset? time, string? terminal)
{
    private readonly HashSet<string> _tokens = [];
    private readonly HashSet<string> _terminals = terminal is null ? [] : [terminal];

    public string File { get; } = file;
    public DateTimeOffset? Time { get; } = time;
    public bool IsCount { get; set; }

    public void AddText(string text, IReadOnlySet<string> terminals)
    {
        if (terminals.Contains(text)) _terminals.Add(text);
        foreach (Match m in Word().Matches(text)) _tokens.Add(m.Value.ToUpperInvariant());
    }

    public PublishedRecord ToRecord() => new(File, time, _terminals, _tokens, IsCount);

    /// <summary>Letters, digits and "+" (a coalition combination is one word: PAN+PRI).</summary>
    [GeneratedRegex(@"[\p{L}\p{N}+]+")]
    private static partial Regex Word();
}
