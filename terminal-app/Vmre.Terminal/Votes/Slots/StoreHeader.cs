namespace Vmre.Terminal.Votes.Slots;

/// <summary>
/// The header row: slot count, the epoch bound to the TPM counter, the digest of every slot's MAC
/// and the terminal's named counters (activations redeemed, sessions without a vote, ...), all
/// under one MAC (issue 10 point 2). Counters are sorted by name, so no order of use is kept.
/// </summary>
public sealed record StoreHeader(int Capacity, ulong Epoch, byte[] Digest, IReadOnlyDictionary<string, long> Counters)
{
    public long Counter(string name) => Counters.GetValueOrDefault(name);

    public StoreHeader With(string name, long value)
    {
        var counters = new SortedDictionary<string, long>(Counters.ToDictionary(), StringComparer.Ordinal) { [name] = value };
        return this with { Counters = counters };
    }
}
