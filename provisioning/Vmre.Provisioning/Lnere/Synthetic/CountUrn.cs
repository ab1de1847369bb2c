namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>
/// Drawing without replacement from exact counts: each draw picks a category with
/// probability remaining/total and removes one. Streaming (O(categories) memory) yet the
/// totals come out exact when the urn is drawn empty — how the generator hits DATA.md.
/// </summary>
public sealed class CountUrn
{
    private readonly int[] _remaining;
    private long _total;

    public CountUrn(IReadOnlyList<int> counts)
    {
        _remaining = counts.ToArray();
        _total = _remaining.Sum(c => (long)c);
    }

    public long Remaining => _total;

    public int Draw(Random random)
    {
        if (_total == 0) throw new InvalidOperationException("urn is empty: the generator drew more rows than it planned");
        var pick = random.NextInt64(_total);
        for (var i = 0; i < _remaining.Length; i++)
        {
            if (pick < _remaining[i])
            {
                _remaining[i]--;
                _total--;
                return i;
            }
            pick -= _remaining[i];
        }
        throw new InvalidOperationException("urn counts are inconsistent");
    }
}
