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
            // Printing -> VoterVerifying keeps the testigo in flight (it printed whole); only
            // leaving the pair for anything but Sealed voids it.
            VoidsTestigo = ok && VotingSession.HoldsTestigo(from) && !VotingSession.HoldsTestigo(to)
                && to != SessionState.Sealed;
            SealsVote = ok && from == SessionState.VoterVerifying && to == SessionState.Sealed;
        }

        public bool Ok { get; private set; }

        /// <summary>Why the event was refused; null when Ok.</summary>
        public string Reason { get; private set; }

        public SessionState From { get; private set; }

        /// <summary>The state after the event; equals From when refused.</summary>
        public SessionState To { get; private set; }

        /// <summary>
        /// True exactly when the transition leaves Printing or VoterVerifying for any state
        /// but Sealed (Printing -> VoterVerifying is not leaving: the testigo stays in flight):
        /// the app must void the testigo in flight in its store and print a voiding notice, so
        /// the paper recount excludes it (rules.md R1, R6).
        /// </summary>
        public bool VoidsTestigo { get; private set; }

        /// <summary>True exactly for VoterAccepted in VoterVerifying: the app seals the vote now.</summary>
        public bool SealsVote { get; private set; }
    }
}
