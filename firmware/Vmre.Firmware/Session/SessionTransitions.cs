namespace Vmre.Firmware.Session
{
    /// <summary>
    /// The transition table. One switch over every state; an event not listed for a state is
    /// refused. Invariants the table keeps (tested exhaustively):
    /// - Sealed is reachable only from VoterVerifying, and VoterVerifying only through
    ///   PrintSucceeded: no vote is sealed without a printed testigo (Brief rule 1).
    /// - Cancel and Timeout void the session only before Printing; once the voter confirmed,
    ///   the vote cannot silently vanish (Brief rule 6).
    /// - Reset only leaves the end states (Sealed, Voided, Fault) back to Idle.
    /// </summary>
    public static class SessionTransitions
    {
        /// <summary>True and the next state when evt is allowed in state; false otherwise.</summary>
        public static bool TryNext(SessionState state, SessionEvent evt, out SessionState next)
        {
            next = state;
            switch (state)
            {
                case SessionState.Idle:
                    return Map(evt == SessionEvent.Activate, SessionState.Activated, ref next);
                case SessionState.Activated:
                    if (evt == SessionEvent.BeginSelection) return Set(SessionState.Selecting, ref next);
                    return Map(IsAbandon(evt), SessionState.Voided, ref next);
                case SessionState.Selecting:
                    if (evt == SessionEvent.Review) return Set(SessionState.Reviewing, ref next);
                    return Map(IsAbandon(evt), SessionState.Voided, ref next);
                case SessionState.Reviewing:
                    if (evt == SessionEvent.BackToSelection) return Set(SessionState.Selecting, ref next);
                    if (evt == SessionEvent.Confirm) return Set(SessionState.Printing, ref next);
                    return Map(IsAbandon(evt), SessionState.Voided, ref next);
                case SessionState.Printing:
                    if (evt == SessionEvent.PrintSucceeded) return Set(SessionState.VoterVerifying, ref next);
                    return Map(evt == SessionEvent.PrintFailed, SessionState.Fault, ref next);
                case SessionState.VoterVerifying:
                    // Thin for now: what happens when the voter walks away or rejects the
                    // testigo is an open design point; until decided, only acceptance moves on.
                    return Map(evt == SessionEvent.VoterAccepted, SessionState.Sealed, ref next);
                case SessionState.Sealed:
                case SessionState.Voided:
                case SessionState.Fault:
                    return Map(evt == SessionEvent.Reset, SessionState.Idle, ref next);
                default:
                    // An undefined enum value is a programming error, not an expected refusal.
                    throw new System.ArgumentOutOfRangeException("state");
            }
        }

        private static bool IsAbandon(SessionEvent evt)
        {
            return evt == SessionEvent.Cancel || evt == SessionEvent.Timeout;
        }

        private static bool Map(bool allowed, SessionState target, ref SessionState next)
        {
            if (allowed) next = target;
            return allowed;
        }

        private static bool Set(SessionState target, ref SessionState next)
        {
            next = target;
            return true;
        }
    }
}
