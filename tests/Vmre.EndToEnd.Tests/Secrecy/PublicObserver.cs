namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>
/// The public observer of issue 9 point 6. It holds every published file and, for each voter,
/// when they checked in and at which terminal (<see cref="Sighting"/>), and tries hard to say what
/// each voter marked in each contest:
/// - every published record at the voter's terminal from their check-in to the next voter's check-in
///   there (records naming no terminal: to the next check-in at the desk; the last voter: 30 s), at
///   the logs' one-second grain;
/// - every other record anywhere that shares an id-like token with those (a testigo id in a log and
///   in a recount, a nonce in two files), when the token is rare (in at most four records);
/// - a record that names exactly one option of the contest (its acta key) is a vote for that option;
///   the option with most such votes is the guess (between equals, the one named first after the check-in);
/// - failing that, the finest published count that holds the voter: their terminal in their hour,
///   their terminal, the module — its plurality (<see cref="TallyCell.Plurality"/>).
/// Without a leak it falls back to exactly the baseline's guess; any edge it has is from what is published.
/// </summary>
public sealed class PublicObserver
{
    private static readonly TimeSpan LastSession = TimeSpan.FromSeconds(30);
    private const int RareToken = 4;

    private readonly IReadOnlyList<PublishedRecord> _records;
    private readonly IReadOnlyList<TallyCell> _cells;
    private readonly Dictionary<string, List<PublishedRecord>> _byId = [];
    private readonly Dictionary<Sighting, List<PublishedRecord>> _evidence = [];

    public PublicObserver(IReadOnlyList<PublishedFile> published, IReadOnlyList<Sighting> sightings)
    {
        var reader = new PublishedReader(sightings.Select(s => s.Terminal).ToHashSet(StringComparer.Ordinal));
        foreach (var file in published) reader.Read(file);
        _records = reader.Records;
        _cells = reader.Cells;
        foreach (var record in _records)
            foreach (var id in record.IdLike)
                (_byId.TryGetValue(id, out var list) ? list : _byId[id] = []).Add(record);
        foreach (var s in sightings) _evidence[s] = Evidence(s, sightings);
    }

    public int RecordsRead => _records.Count;

    public string Guess(Sighting voter, string contestId)
    {
        var keys = Keys(contestId);
        var votes = _evidence[voter].Where(r => !r.IsCount)
            .Select(r => (r.Time, Named: keys.Where(r.Tokens.Contains).ToList()))
            .Where(r => r.Named.Count == 1)
            .GroupBy(r => r.Named[0])
            .Select(g => (Key: g.Key, Votes: g.Count(), First: g.Min(r => r.Time ?? DateTimeOffset.MaxValue)))
            .OrderByDescending(v => v.Votes).ThenBy(v => v.First)
            .ToList();
        // Most votes wins; between equals, the option named nearest the check-in (the voter's own line comes first in their window).
        if (votes.Count > 0 && (votes.Count == 1 || votes[0].Votes > votes[1].Votes || votes[0].First < votes[1].First)) return votes[0].Key;
        return Finest(contestId, voter).Plurality();
    }

    /// <summary>The baseline: the plurality of the voter's terminal's published count (its closing record), else the module's.</summary>
    public string Baseline(Sighting voter, string contestId) => Cell(contestId, voter.Terminal, null)?.Plurality()
        ?? Cell(contestId, null, null)?.Plurality()
        ?? throw new InvalidOperationException($"nothing published counts contest {contestId}");

    private TallyCell Finest(string contestId, Sighting voter) =>
        Cell(contestId, voter.Terminal, voter.CheckIn) ?? Cell(contestId, voter.Terminal, null)
        ?? Cell(contestId, null, voter.CheckIn) ?? Cell(contestId, null, null)
        ?? throw new InvalidOperationException($"nothing published counts contest {contestId}");

    /// <summary>The most complete count of a cell (a zero report counts nothing, the closing record everything).</summary>
    private TallyCell? Cell(string contestId, string? terminal, DateTimeOffset? at) => _cells
        .Where(c => c.ContestId == contestId && c.Terminal == terminal && (at is { } t ? c.Covers(t) : c.Hour is null))
        .MaxBy(c => c.Total);

    private List<string> Keys(string contestId) =>
        _cells.Where(c => c.ContestId == contestId).SelectMany(c => c.Lines.Select(l => l.Key.ToUpperInvariant())).Distinct().ToList();

    private List<PublishedRecord> Evidence(Sighting s, IReadOnlyList<Sighting> all)
    {
        var from = new DateTimeOffset(s.CheckIn.UtcTicks - s.CheckIn.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var atTerminal = Next(all.Where(o => o.Terminal == s.Terminal), s);
        var atDesk = Next(all, s);
        var window = _records.Where(r => r.Time is { } t && t >= from
            && t <= (r.Terminals.Count == 0 ? atDesk : atTerminal)
            && (r.Terminals.Count == 0 || r.Terminals.Contains(s.Terminal))).ToList();
        var linked = window.SelectMany(r => r.IdLike)
            .Select(id => _byId[id]).Where(l => l.Count <= RareToken).SelectMany(l => l);
        return window.Concat(linked).Distinct().ToList();
    }

    private static DateTimeOffset Next(IEnumerable<Sighting> others, Sighting s) =>
        others.Where(o => o.CheckIn > s.CheckIn).Select(o => o.CheckIn).DefaultIfEmpty(s.CheckIn + LastSession).Min();
}
