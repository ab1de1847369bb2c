namespace Vmre.Firmware.Session
{
    /// <summary>
    /// One terminal's voting session. Holds only the state and how many testigos this voter's
    /// session printed: no selections, no voter data, no times (rules.md R2, R3), so nothing
    /// here can link a voter to a vote. Invariants (see SessionTransitions for the table):
    /// - a vote is sealed only by VoterAccepted on a testigo printed whole (rules.md R1);
    /// - every printed testigo ends in exactly one of SealsVote or VoidsTestigo before the
    ///   next Confirm, so paper and store reconcile (rules.md R6);
    /// - at most one vote sealed per activation, at most MaxTestigos printed per session;
    /// - TestigosPrinted goes back to 0 whenever the session reaches Idle.
    /// Not thread-safe: the terminal app drives it from one thread.
    /// </summary>
    public sealed class VotingSession
    {
        /// <summary>
        /// Testigos one voter may print (two rejections, then the third is final). Bounds the
        /// paper a single session can spend and the voiding notices it causes.
        /// </summary>
        public const int MaxTestigos = 3;

        public VotingSession()
        {
            State = SessionState.Idle;
        }

        public SessionState State { get; private set; }

        /// <summary>PrintSucceeded events this session; 0 again on reaching Idle.</summary>
        public int TestigosPrinted { get; private set; }

        /// <summary>True while a testigo is printing or printed but not yet accepted.</summary>
        public bool TestigoInFlight
        {
            get { return HoldsTestigo(State); }
        }

        /// <summary>Printing or VoterVerifying: the states in which a testigo is in flight.</summary>
        internal static bool HoldsTestigo(SessionState state)
        {
            return state == SessionState.Printing || state == SessionState.VoterVerifying;
        }

        /// <summary>Applies evt, or refuses it with a reason and leaves the state unchanged.</summary>
        public TransitionResult Fire(SessionEvent evt)
        {
            SessionState from = State;
            SessionState next;
            if (!SessionTransitions.TryNext(from, evt, TestigosPrinted, out next))
            {
                return new TransitionResult(false, SessionReasons.NotAllowed(from, evt, TestigosPrinted), from, from);
            }
            State = next;
            if (evt == SessionEvent.PrintSucceeded) TestigosPrinted++;
            if (next == SessionState.Idle) TestigosPrinted = 0;
            return new TransitionResult(true, null, from, next);
        }
    }
}
