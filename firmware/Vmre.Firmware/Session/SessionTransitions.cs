namespace Vmre.Firmware.Session
{
    /// <summary>
    /// The transition table. One switch over every state; an event not listed for a state is
    /// refused. Invariants the table keeps (tested exhaustively and by property tests):
    /// - Sealed is reachable only from VoterVerifying by VoterAccepted, and VoterVerifying
    ///   only through PrintSucceeded: no vote is sealed without a testigo the voter accepted
    ///   (rules.md R1; VVSG 2.0: a vote is cast only on the voter's own action).
    /// - Every other way out of Printing or VoterVerifying voids the testigo in flight
    ///   (TransitionResult.VoidsTestigo), so each printed testigo is either sealed or voided.
    /// - Cancel and Timeout end a session only before Printing, or (Timeout) from
    ///   VoterVerifying where the testigo is voided: once confirmed, a vote never silently
    ///   vanishes (rules.md R6).
    /// - A session prints at most VotingSession.MaxTestigos testigos: Confirm is refused at
    ///   the limit and a rejection of the last one ends the session.
    /// - Device faults never drop a voter's session: Interrupted waits for an official.
    /// - PowerLost goes to Recovering from any state; voters are served again only after
    ///   Recovered (the voiding notices printed) or an official cleared the Fault.
    /// - Idle is reachable from every state.
    /// </summary>
    public static class SessionTransitions
    {
        /// <summary>
        /// The table for a session that has printed no testigo yet (the limit cannot apply).
        /// True and the next state when evt is allowed in state; false otherwise.
        /// </summary>
        public static bool TryNext(SessionState state, SessionEvent evt, out SessionState next)
        {
            return TryNext(state, evt, 0, out next);
        }

        /// <summary>
        /// True and the next state when evt is allowed in state, given how many testigos the
        /// session has printed so far (counting one in VoterVerifying); false otherwise, with
        /// next equal to state. An undefined state throws (a programming error).
        /// </summary>
        public static bool TryNext(SessionState state, SessionEvent evt, int testigosPrinted, out SessionState next)
        {
            next = state;
            bool atLimit = AtTestigoLimit(testigosPrinted);
            switch (state)
            {
                case SessionState.Idle:
                    if (evt == SessionEvent.Activate) return Set(SessionState.Activated, ref next);
                    if (IsDeviceFault(evt)) return Set(SessionState.Fault, ref next);
                    break;
                case SessionState.Activated:
                    if (evt == SessionEvent.BeginSelection) return Set(SessionState.Selecting, ref next);
                    if (BeforePrinting(evt, ref next)) return true;
                    break;
                case SessionState.Selecting:
                    if (evt == SessionEvent.Review) return Set(SessionState.Reviewing, ref next);
                    if (BeforePrinting(evt, ref next)) return true;
                    break;
                case SessionState.Reviewing:
                    if (evt == SessionEvent.BackToSelection) return Set(SessionState.Selecting, ref next);
                    if (evt == SessionEvent.Confirm) return !atLimit && Set(SessionState.Printing, ref next);
                    if (BeforePrinting(evt, ref next)) return true;
                    break;
                case SessionState.Printing:
                    // The voter already confirmed: Cancel and Timeout are refused. Any failure
                    // voids the testigo in flight and keeps the voter's session.
                    if (evt == SessionEvent.PrintSucceeded) return Set(SessionState.VoterVerifying, ref next);
                    if (evt == SessionEvent.PrintFailed || IsDeviceFault(evt)) return Set(SessionState.Interrupted, ref next);
                    break;
                case SessionState.VoterVerifying:
                    if (evt == SessionEvent.VoterAccepted) return Set(SessionState.Sealed, ref next);
                    if (evt == SessionEvent.VoterRejected)
                    {
                        return Set(atLimit ? SessionState.Voided : SessionState.Selecting, ref next);
                    }
                    // VVSG 2.0 "fleeing voter": a vote is sealed only on the voter's acceptance.
                    if (evt == SessionEvent.Timeout) return Set(SessionState.Voided, ref next);
                    // Tamper with a printed testigo in view, or a jam / paper-out: void it. Since
                    // issue 9 the testigo is held uncut on the roll, so a printer fault may tear
                    // it off without its VOTO EMITIDO mark; sealing after that would count a vote
                    // with no paper (rules.md R1, R6; reviewer finding on issue 9).
                    if (IsDeviceFault(evt)) return Set(SessionState.Interrupted, ref next);
                    break;
                case SessionState.Interrupted:
                    if (evt == SessionEvent.FaultCleared) return Set(SessionState.Selecting, ref next);
                    if (evt == SessionEvent.Cancel) return Set(SessionState.Voided, ref next);
                    if (IsDeviceFault(evt)) return Set(SessionState.Interrupted, ref next);
                    break;
                case SessionState.Fault:
                    if (evt == SessionEvent.FaultCleared) return Set(SessionState.Idle, ref next);
                    if (IsDeviceFault(evt)) return Set(SessionState.Fault, ref next);
                    break;
                case SessionState.Recovering:
                    if (evt == SessionEvent.Recovered) return Set(SessionState.Idle, ref next);
                    if (evt == SessionEvent.PrintFailed) return Set(SessionState.Fault, ref next);
                    break;
                case SessionState.Sealed:
                case SessionState.Voided:
                    if (evt == SessionEvent.Reset) return Set(SessionState.Idle, ref next);
                    break;
                default:
                    // An undefined enum value is a programming error, not an expected refusal.
                    throw new System.ArgumentOutOfRangeException("state");
            }
            // Checked after the state switch so an undefined state still throws.
            if (evt == SessionEvent.PowerLost) return Set(SessionState.Recovering, ref next);
            return false;
        }

        /// <summary>Activated, Selecting, Reviewing: abandon voids, a device fault interrupts.</summary>
        private static bool BeforePrinting(SessionEvent evt, ref SessionState next)
        {
            if (evt == SessionEvent.Cancel || evt == SessionEvent.Timeout) return Set(SessionState.Voided, ref next);
            if (IsDeviceFault(evt)) return Set(SessionState.Interrupted, ref next);
            return false;
        }

        /// <summary>
        /// The session printed MaxTestigos: Confirm is refused in Reviewing and a rejection is
        /// final. One rule, read by the table and by SessionReasons.
        /// </summary>
        internal static bool AtTestigoLimit(int testigosPrinted)
        {
            return testigosPrinted >= VotingSession.MaxTestigos;
        }

        private static bool IsDeviceFault(SessionEvent evt)
        {
            return evt == SessionEvent.CoverOpened || evt == SessionEvent.PrinterFault;
        }

        private static bool Set(SessionState target, ref SessionState next)
        {
            next = target;
            return true;
        }
    }
}
