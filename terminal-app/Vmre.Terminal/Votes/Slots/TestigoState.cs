namespace Vmre.Terminal.Votes.Slots;

/// <summary>
/// A slot's state byte (docs/formats/vote-store.md). Free slots are allocated in advance (issue 10
/// point 4); a testigo goes printing, printed, then sealed and cast, or voiding and voided (issue 9).
/// </summary>
public enum TestigoState : byte { Free = 0, Printing = 1, Printed = 2, Sealed = 3, Cast = 4, Voiding = 5, Voided = 6 }

public static class TestigoStates
{
    /// <summary>The state names the store's API has always used ("printing", "sealed", ...).</summary>
    public static string Name(TestigoState state) => state.ToString().ToLowerInvariant();

    public static TestigoState? Parse(string name) =>
        Enum.TryParse<TestigoState>(name, ignoreCase: true, out var s) && s != TestigoState.Free && Name(s) == name ? s : null;
}
