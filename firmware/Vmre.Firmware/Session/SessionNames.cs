namespace Vmre.Firmware.Session
{
    /// <summary>
    /// Stable names for reasons and logs. Enum.ToString is not relied on: on nanoFramework
    /// it may print the number, and log text must read the same on every runtime.
    /// </summary>
    public static class SessionNames
    {
        public static string Of(SessionState state)
        {
            switch (state)
            {
                case SessionState.Idle: return "Idle";
                case SessionState.Activated: return "Activated";
                case SessionState.Selecting: return "Selecting";
                case SessionState.Reviewing: return "Reviewing";
                case SessionState.Printing: return "Printing";
                case SessionState.VoterVerifying: return "VoterVerifying";
                case SessionState.Sealed: return "Sealed";
                case SessionState.Voided: return "Voided";
                case SessionState.Fault: return "Fault";
                case SessionState.Interrupted: return "Interrupted";
                case SessionState.Recovering: return "Recovering";
                default: return "State" + ((int)state).ToString();
            }
        }

        public static string Of(SessionEvent evt)
        {
            switch (evt)
            {
                case SessionEvent.Activate: return "Activate";
                case SessionEvent.BeginSelection: return "BeginSelection";
                case SessionEvent.Review: return "Review";
                case SessionEvent.BackToSelection: return "BackToSelection";
                case SessionEvent.Confirm: return "Confirm";
                case SessionEvent.PrintSucceeded: return "PrintSucceeded";
                case SessionEvent.PrintFailed: return "PrintFailed";
                case SessionEvent.VoterAccepted: return "VoterAccepted";
                case SessionEvent.Cancel: return "Cancel";
                case SessionEvent.Timeout: return "Timeout";
                case SessionEvent.Reset: return "Reset";
                case SessionEvent.VoterRejected: return "VoterRejected";
                case SessionEvent.CoverOpened: return "CoverOpened";
                case SessionEvent.PrinterFault: return "PrinterFault";
                case SessionEvent.FaultCleared: return "FaultCleared";
                case SessionEvent.PowerLost: return "PowerLost";
                case SessionEvent.Recovered: return "Recovered";
                default: return "Event" + ((int)evt).ToString();
            }
        }
    }
}
