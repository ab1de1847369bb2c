namespace Vmre.Terminal.Votes;

/// <summary>
/// The store is not whole (issue 10 point 2): it refuses every change, so no testigo starts, no
/// vote is sealed and no row is voided until an official takes the terminal out of service.
/// </summary>
public sealed class StoreIntegrityException(IReadOnlyList<StoreFinding> findings)
    : InvalidOperationException("vote store integrity failure: " + string.Join("; ", findings))
{
    public IReadOnlyList<StoreFinding> Findings { get; } = findings;
}

/// <summary>Every slot allocated in advance holds a testigo: a new one is refused by name (issue 10 point 4).</summary>
public sealed class VoteStoreFullException(int capacity)
    : InvalidOperationException($"vote store full: all {capacity} slots hold a testigo");
