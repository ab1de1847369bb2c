namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>
/// The smallest published thing that may speak of a moment: a log line, a JSON object with a
/// time field of its own, a line of text. <see cref="Terminals"/> are the known terminals it names
/// (or whose file it is in); <see cref="Tokens"/> are its words and values, upper case;
/// <see cref="IsCount"/>: a line of published counts (a key beside a number), a total, not a ballot.
/// </summary>
public sealed record PublishedRecord(string File, DateTimeOffset? Time, IReadOnlySet<string> Terminals, IReadOnlySet<string> Tokens, bool IsCount = false)
{
    /// <summary>
    /// Tokens that may be an identifier (a testigo id, a nonce, a hash): ten characters or more,
    /// with a digit. Such a token seen in two files ties the two records together.
    /// </summary>
    public IEnumerable<string> IdLike => Tokens.Where(t => t.Length >= 10 && t.Any(char.IsDigit));
}

/// <summary>
/// Published counts for one contest in one cell: a terminal (its closing record) or the module
/// (the acta, Terminal null), over an hour when the counts say which (Hour null: the whole day).
/// Lines in their published order.
/// </summary>
public sealed record TallyCell(string ContestId, string? Terminal, DateTimeOffset? Hour, IReadOnlyList<(string Key, int Count)> Lines)
{
    public int Total => Lines.Sum(l => l.Count);

    public bool Covers(DateTimeOffset t) => Hour is { } h && h <= t && t < h.AddHours(1);

    /// <summary>The option with most votes; a tie goes to the first in published order (the same rule for every guesser).</summary>
    public string Plurality() => Lines.Aggregate((best, l) => l.Count > best.Count ? l : best).Key;
}
