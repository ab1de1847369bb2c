namespace Vmre.Firmware.Session
{
    /// <summary>Inputs to the voting session; fired by the terminal app.</summary>
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
        Reset = 10
    }
}
