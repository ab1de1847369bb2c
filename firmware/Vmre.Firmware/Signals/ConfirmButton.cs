using Vmre.Firmware.Session;

namespace Vmre.Firmware.Signals
{
    /// <summary>
    /// What the physical confirm button means. The host debounces (Iot.Device.Bindings'
    /// GpioButton); this class adds the safety rule: a press counts only after the button was
    /// seen released in the current state, so a press held from the previous screen can
    /// never confirm a vote or accept a testigo (VVSG 2.0: a vote is cast only by the voter's
    /// deliberate action). Each counted press needs a new release.
    /// Not thread-safe: the host calls it from its one input thread.
    /// </summary>
    public sealed class ConfirmButton
    {
        private SessionState _state = SessionState.Idle;
        private bool _releasedInState;

        /// <summary>The session entered state: any press still held is ignored until released.</summary>
        public void StateEntered(SessionState state)
        {
            _state = state;
            _releasedInState = false;
        }

        /// <summary>The host saw the button released (after debouncing).</summary>
        public void Released()
        {
            _releasedInState = true;
        }

        /// <summary>
        /// The host saw a press. True with the event to fire when the press counts: Confirm in
        /// Reviewing, VoterAccepted in VoterVerifying. False otherwise; evt is then Reset and
        /// must not be fired.
        /// </summary>
        public bool Pressed(out SessionEvent evt)
        {
            evt = SessionEvent.Reset;
            if (!_releasedInState) return false;
            _releasedInState = false;
            switch (_state)
            {
                case SessionState.Reviewing:
                    evt = SessionEvent.Confirm;
                    return true;
                case SessionState.VoterVerifying:
                    evt = SessionEvent.VoterAccepted;
                    return true;
                default:
                    // Every other state: the button means nothing (the screen drives them).
                    return false;
            }
        }
    }
}
