namespace Vmre.Terminal.Votes.Slots;

/// <summary>
/// One testigo's slot: its state, its void reason (or none), whether its acceptance mark was torn
/// (issue 9 review), its random row key and its sealed vote. No time, no sequence (rules.md R3).
/// </summary>
public sealed record Slot(int Index, TestigoState State, bool Torn, string Reason, string TestigoId, byte[] Vote)
{
    public static Slot Free(int index) => new(index, TestigoState.Free, false, "", "", []);
}
