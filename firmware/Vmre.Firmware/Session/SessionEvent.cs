namespace Vmre.Firmware.Session
{
    /// <summary>
    /// Inputs to the voting session; fired by the terminal app. Numeric values are stable;
    /// new events are only ever appended.
    /// </summary>
    public enum SessionEvent
    {
        Activate = 0,
        BeginSelection = 1,
        Review = 2,
        BackToSelection = 3,
        Confirm = 4,
        PrintSucceeded = 5,
        PrintFailed = 6,
        VoterAccepted = 7,
        Cancel = 8,
        Timeout = 9,
        Reset = 10,

        /// <summary>The voter says the printed testigo is wrong; it is void.</summary>
        VoterRejected = 11,

        /// <summary>The cover switch reports open (tamper or paper change).</summary>
        CoverOpened = 12,

        /// <summary>Asynchronous printer problem: paper-out sensor, status not ready.</summary>
        PrinterFault = 13,

        /// <summary>An official, authenticated by card and PIN, cleared the fault (rules.md R8).</summary>
        FaultCleared = 14,

        /// <summary>Fired by the host at boot, on a fresh session, when the store held unfinished testigos.</summary>
        PowerLost = 15,

        /// <summary>The voiding notices for the unfinished testigos printed.</summary>
        Recovered = 16
    }
}
