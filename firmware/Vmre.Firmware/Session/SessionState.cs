namespace Vmre.Firmware.Session
{
    /// <summary>
    /// States of one terminal's voting session (Brief section 2, step 4). Numeric values are
    /// stable: hosts may persist or log them, so new states are only ever appended.
    /// </summary>
    public enum SessionState
    {
        /// <summary>No activation; the terminal shows the waiting screen.</summary>
        Idle = 0,

        /// <summary>Activation verified and burned (rules.md R4); ballot not shown yet.</summary>
        Activated = 1,

        /// <summary>The voter is marking the ballot.</summary>
        Selecting = 2,

        /// <summary>The voter reviews the summary.</summary>
        Reviewing = 3,

        /// <summary>Confirmed; the testigo is printing. Cancel and Timeout no longer apply.</summary>
        Printing = 4,

        /// <summary>The testigo printed whole; the voter checks it. Only acceptance seals.</summary>
        VoterVerifying = 5,

        /// <summary>The vote is sealed into storage.</summary>
        Sealed = 6,

        /// <summary>
        /// Session ended without a vote: cancelled, timed out, or the voter rejected the last
        /// allowed testigo. Any testigo printed and not accepted is void.
        /// </summary>
        Voided = 7,

        /// <summary>
        /// Out of service with no voter session: the cover opened or the printer faulted
        /// while Idle, or recovery could not print its voiding notices. Only an official
        /// (card and PIN, rules.md R8) clears it.
        /// </summary>
        Fault = 8,

        /// <summary>
        /// A device fault (cover, printer) during a voter's session. Any testigo in flight is
        /// void; the app keeps the voter's marks; waits for an official to clear the fault
        /// (the voter goes on) or end the session.
        /// </summary>
        Interrupted = 9,

        /// <summary>
        /// After a power loss or restart the store held unfinished testigos: their voiding
        /// notices must print before any voter is served (rules.md R1, R6).
        /// </summary>
        Recovering = 10
    }
}
