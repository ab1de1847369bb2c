namespace Vmre.Firmware.Session
{
    /// <summary>Outcome of firing an event: a refused transition is a value, never an exception.</summary>
    public sealed class TransitionResult
    {
        internal TransitionResult(bool ok, string reason, SessionState from, SessionState to)
        {
            Ok = ok;
            Reason = reason;
            From = from;
            To = to;
        }

        public bool Ok { get; private set; }

        /// <summary>Why the event was refused; null when Ok.</summary>
        public string Reason { get; private set; }

        public SessionState From { get; private set; }

        /// <summary>The state after the event; equals From when refused.</summary>
        public SessionState To { get; private set; }
    }
}
