namespace Vmre.Firmware.Session
{
    /// <summary>States of one voter's session at a terminal (Brief section 2, step 4).</summary>
    public enum SessionState
    {
        /// <summary>No activation; the terminal shows the waiting screen.</summary>
        Idle = 0,

        /// <summary>Activation verified and burned (Brief rule 4); ballot not shown yet.</summary>
        Activated = 1,

        /// <summary>The voter is marking the ballot.</summary>
        Selecting = 2,

        /// <summary>The voter reviews the summary.</summary>
        Reviewing = 3,

        /// <summary>Confirmed; the testigo is printing. No way back from here.</summary>
        Printing = 4,

        /// <summary>The testigo printed; the voter checks it.</summary>
        VoterVerifying = 5,

        /// <summary>The vote is sealed into storage.</summary>
        Sealed = 6,

        /// <summary>Session ended without a vote (cancel or timeout before printing).</summary>
        Voided = 7,

        /// <summary>Printing failed; officials must act before the terminal is reused.</summary>
        Fault = 8
    }
}
