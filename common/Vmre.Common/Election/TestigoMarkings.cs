using Vmre.Firmware.Testigo;

namespace Vmre.Common.Election;

/// <summary>
/// Between the host's Markings and the firmware's testigo codec: the same selection is what
/// the paper carries and what is sealed (rules.md R1), and a paper recount reads it back.
/// </summary>
public static class TestigoMarkings
{
    public static ContestMarks ToMarks(Marking marking) => marking.Kind switch
    {
        MarkingKind.Nothing => ContestMarks.Nothing(marking.ContestId),
        MarkingKind.Parties => ContestMarks.Parties(marking.ContestId, marking.PartyCodes.ToArray()),
        MarkingKind.WriteIn => ContestMarks.WriteIn(marking.ContestId, marking.WriteInName!),
        _ => throw new ArgumentOutOfRangeException(nameof(marking)),
    };

    public static Marking FromMarks(ContestMarks marks) => marks.Kind switch
    {
        MarkKind.Nothing => Marking.Nothing(marks.ContestId),
        MarkKind.Parties => Marking.Parties(marks.ContestId, marks.PartyCodes),
        MarkKind.WriteIn => Marking.WriteIn(marks.ContestId, marks.WriteInName),
        _ => throw new ArgumentOutOfRangeException(nameof(marks)),
    };

    /// <summary>Count a testigo payload (decoded from paper or from the vote store) into a tally.</summary>
    public static void CountInto(Tally tally, TestigoPayload payload)
    {
        // All or nothing: a testigo naming a contest outside the package is refused before any
        // of its contests is counted, so a refused testigo never leaves half a vote behind.
        foreach (var marks in payload.Contests)
            if (!tally.HasContest(marks.ContestId))
                throw new InvalidDataException($"contest {marks.ContestId} is not in the election package");
        foreach (var marks in payload.Contests) tally.Count(FromMarks(marks));
    }
}
