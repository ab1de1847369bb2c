namespace Vmre.FuzzTargets;

/// <summary>What one target's run found: counts, refusal reasons, the time it took, the first failure.</summary>
public sealed class FuzzReport(string target)
{
    private readonly Dictionary<string, int> _reasons = new(StringComparer.Ordinal);

    public string Target { get; } = target;
    public int Cases { get; private set; }
    public int Accepted { get; private set; }
    public int Rejected { get; private set; }
    public int ValidCases { get; private set; }
    public TimeSpan Elapsed { get; internal set; }
    public FuzzFailure? Failure { get; internal set; }

    public IReadOnlyDictionary<string, int> Reasons => _reasons;

    public IEnumerable<KeyValuePair<string, int>> TopReasons(int count) =>
        _reasons.OrderByDescending(r => r.Value).ThenBy(r => r.Key, StringComparer.Ordinal).Take(count);

    internal void Count(FuzzCase input, CaseOutcome outcome)
    {
        Cases++;
        if (input.Origin == CaseOrigin.Valid) ValidCases++;
        if (outcome.Accepted) { Accepted++; return; }
        Rejected++;
        var reason = outcome.Reason ?? "(no reason given)";
        _reasons[reason] = _reasons.GetValueOrDefault(reason) + 1;
    }
}
