namespace Vmre.Firmware.Session
{
    /// <summary>
    /// Why the session refused an event. Public so hosts and tests match on them; the text
    /// never holds selections or voter data (rules.md R2, R3).
    /// </summary>
    public static class SessionReasons
    {
        /// <summary>Suffix when Confirm is refused because the session reached MaxTestigos.</summary>
        public const string TestigoLimit = "the session already printed 3 testigos";

        /// <summary>"event &lt;Event&gt; not allowed in state &lt;State&gt;", plus the limit when that is why.</summary>
        public static string NotAllowed(SessionState state, SessionEvent evt, int testigosPrinted)
        {
            string reason = "event " + SessionNames.Of(evt) + " not allowed in state " + SessionNames.Of(state);
            bool limit = state == SessionState.Reviewing && evt == SessionEvent.Confirm
                && SessionTransitions.AtTestigoLimit(testigosPrinted);
            return limit ? reason + ": " + TestigoLimit : reason;
        }
    }
}
