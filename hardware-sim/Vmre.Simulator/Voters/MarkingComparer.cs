using Vmre.Common.Election;

namespace Vmre.Simulator.Voters;

/// <summary>Markings are equal when they mark the same thing (records compare lists by reference).</summary>
public sealed class MarkingComparer : IEqualityComparer<Marking>
{
    public static readonly MarkingComparer Instance = new();

    public bool Equals(Marking? a, Marking? b) =>
        a is not null && b is not null && a.ContestId == b.ContestId && a.Kind == b.Kind
        && a.PartyCodes.SequenceEqual(b.PartyCodes) && a.WriteInName == b.WriteInName;

    public int GetHashCode(Marking m) => HashCode.Combine(m.ContestId, m.Kind);
}
