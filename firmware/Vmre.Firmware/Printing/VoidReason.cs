namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// Why a printed (or half-printed) testigo is void. Numeric values and the codes in
    /// VoidReasonCodes are stable: they are printed in void marks (VMRE-M1,
    /// docs/formats/testigo-marks.md) and were in the retired voiding notices (VMRE-V1).
    /// </summary>
    public enum VoidReason
    {
        /// <summary>The printer failed while or after printing it (paper out, jam, not ready).</summary>
        PrinterFault = 0,

        /// <summary>The cover opened with the testigo in flight (possible tamper).</summary>
        CoverOpened = 1,

        /// <summary>The voter said the testigo does not show their selection.</summary>
        VoterRejected = 2,

        /// <summary>The voter left without accepting it (VVSG 2.0 "fleeing voter").</summary>
        VoterTimeout = 3,

        /// <summary>Power was lost or the terminal restarted before the vote was sealed.</summary>
        PowerLoss = 4,

        /// <summary>An official ended the interrupted session.</summary>
        OfficialCancelled = 5
    }
}
