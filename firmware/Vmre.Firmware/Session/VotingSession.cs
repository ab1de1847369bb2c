namespace Vmre.Firmware.Session
{
    /// <summary>
    /// One terminal's voting session. Holds only the state: no selections, no voter data,
    /// no times (Brief rules 2, 3), so nothing here can link a voter to a vote.
    /// Not thread-safe: the terminal app drives it from one thread.
    /// </summary>
    public sealed class VotingSession
    {
        public VotingSession()
        {
            State = SessionState.Idle;
        }

        public SessionState State { get; private set; }

        /// <summary>Applies evt, or refuses it with a reason and leaves the state unchanged.</summary>
        public TransitionResult Fire(SessionEvent evt)
        {
            SessionState from = State;
            SessionState next;
            if (!SessionTransitions.TryNext(from, evt, out next))
            {
                string reason = "event " + SessionNames.Of(evt) + " not allowed in state " + SessionNames.Of(from);
                return new TransitionResult(false, reason, from, from);
            }
            State = next;
            return new TransitionResult(true, null, from, next);
        }
    }
}
