using Vmre.Terminal.Votes.Slots;

namespace Vmre.Terminal.Votes;

/// <summary>
/// What the store holds, from the copy verified at open and kept in step with every commit.
/// Lists come in testigo-id order: ids are random, so no cast order (rules.md R3).
/// </summary>
public sealed partial class VoteStore
{
    /// <summary>Testigos whose void mark has not printed yet, with its reason code.</summary>
    public IReadOnlyList<(string TestigoId, string ReasonCode)> VoidMarksOwed() =>
        InState(TestigoState.Voiding).Select(s => (s.TestigoId, s.Reason)).ToList();

    /// <summary>Sealed votes whose acceptance mark has not printed yet.</summary>
    public IReadOnlyList<string> AcceptanceMarksOwed() => InState(TestigoState.Sealed).Select(s => s.TestigoId).ToList();

    public IReadOnlyList<string> UnfinishedTestigos() =>
        InState(TestigoState.Printing, TestigoState.Printed).Select(s => s.TestigoId).ToList();

    /// <summary>Every sealed vote (its acceptance mark printed or still owed).</summary>
    public IReadOnlyList<(string TestigoId, byte[] Vote)> SealedVotes() =>
        InState(TestigoState.Sealed, TestigoState.Cast).Select(s => (s.TestigoId, s.Vote)).ToList();

    public int Counter(string counter)
    {
        lock (_gate) return (int)_header.Counter(counter);
    }

    public int CountInState(string state) => TestigoStates.Parse(state) is { } s ? InState(s).Count : 0;

    /// <summary>How many testigos are in each state (for the zero report and the closing record).</summary>
    public TestigoCounts Counts()
    {
        lock (_gate)
            return TestigoCounts.Of(_slots.Where(s => s is { State: not TestigoState.Free })
                .GroupBy(s => TestigoStates.Name(s!.State)).ToDictionary(g => g.Key, g => g.Count()));
    }

    /// <summary>Slots that hold a testigo, of the slots made at creation.</summary>
    public (int Used, int Capacity) Occupancy()
    {
        lock (_gate) return (_byId.Count, _slots.Length);
    }

    /// <summary>Each testigo's slot (for the order check, issue 10 point 4: slot indexes must owe nothing to cast order).</summary>
    internal IReadOnlyDictionary<string, long> SlotIndexes()
    {
        lock (_gate) return _byId.ToDictionary(p => p.Key, p => (long)p.Value);
    }

    private List<Slot> InState(params TestigoState[] states)
    {
        lock (_gate)
            return _slots.Where(s => s is not null && states.Contains(s.State)).Select(s => s!)
                .OrderBy(s => s.TestigoId, StringComparer.Ordinal).ToList();
    }
}
