namespace Vmre.Terminal.Votes;

/// <summary>
/// Testigos by state (issue 9, design section 4). <see cref="Sealed"/> counts every vote (rows
/// 'sealed' and 'cast'); <see cref="Voided"/> every void testigo (rows 'voiding' and 'voided'),
/// whether or not its mark printed: a testigo whose void mark is still owed is never a vote. The
/// marks still owed are told apart so the closing record can state them (0 on a healthy close).
/// </summary>
public readonly record struct TestigoCounts(int Printing, int Printed, int Sealed, int Voided, int VoidMarksOwed, int AcceptanceMarksOwed)
{
    /// <summary>Every testigo that went to the printer, whatever became of it.</summary>
    public int TestigosPrinted => Sealed + Voided + Printed;

    internal static TestigoCounts Of(IReadOnlyDictionary<string, int> byState)
    {
        int In(string state) => byState.GetValueOrDefault(state);
        return new TestigoCounts(In("printing"), In("printed"), In("sealed") + In("cast"), In("voiding") + In("voided"),
            In("voiding"), In("sealed"));
    }
}
