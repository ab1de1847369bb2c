using Vmre.Firmware.Session;

namespace Vmre.Firmware.Signals
{
    /// <summary>
    /// The three status LEDs officials watch from the desk. The lights only repeat what the
    /// official screen says in words (rules.md R9: no colour-only meaning). Rules:
    /// - Idle: ready, unless paper is Out (fault only: no voter may start without paper for
    ///   the testigo, rules.md R1); paper Low lights fault together with ready as a warning.
    /// - Activated .. VoterVerifying, Sealed, Voided: busy only. Paper does not change the
    ///   lights during a session: a paper problem reaches the session as PrinterFault
    ///   (Interrupted), and a voter should not see a warning meant for officials.
    /// - Interrupted, Fault, Recovering: fault only (an official must act).
    /// </summary>
    public sealed class StatusLights
    {
        private readonly IOutputPin _ready;
        private readonly IOutputPin _busy;
        private readonly IOutputPin _fault;

        public StatusLights(IOutputPin ready, IOutputPin busy, IOutputPin fault)
        {
            if (ready == null) throw new System.ArgumentNullException("ready");
            if (busy == null) throw new System.ArgumentNullException("busy");
            if (fault == null) throw new System.ArgumentNullException("fault");
            _ready = ready;
            _busy = busy;
            _fault = fault;
        }

        /// <summary>Writes all three pins, every time, so a missed write cannot leave a stale light.</summary>
        public void Show(SessionState state, PaperLevel paper)
        {
            LightSet lights = LightsFor(state, paper);
            _ready.Write(lights.Ready);
            _busy.Write(lights.Busy);
            _fault.Write(lights.Fault);
        }

        /// <summary>The lights for a state and paper level. Undefined values throw (programming error).</summary>
        public static LightSet LightsFor(SessionState state, PaperLevel paper)
        {
            if (paper != PaperLevel.Ok && paper != PaperLevel.Low && paper != PaperLevel.Out)
            {
                throw new System.ArgumentOutOfRangeException("paper");
            }
            switch (state)
            {
                case SessionState.Idle:
                    if (paper == PaperLevel.Out) return new LightSet(false, false, true);
                    return new LightSet(true, false, paper == PaperLevel.Low);
                case SessionState.Activated:
                case SessionState.Selecting:
                case SessionState.Reviewing:
                case SessionState.Printing:
                case SessionState.VoterVerifying:
                case SessionState.Sealed:
                case SessionState.Voided:
                    return new LightSet(false, true, false);
                case SessionState.Interrupted:
                case SessionState.Fault:
                case SessionState.Recovering:
                    return new LightSet(false, false, true);
                default:
                    throw new System.ArgumentOutOfRangeException("state");
            }
        }
    }
}
