namespace Vmre.Firmware.Signals
{
    /// <summary>Which of the three status lights are on. A value: compared by its fields.</summary>
    public sealed class LightSet
    {
        public LightSet(bool ready, bool busy, bool fault)
        {
            Ready = ready;
            Busy = busy;
            Fault = fault;
        }

        /// <summary>Waiting for a voter: an official may hand out an activation.</summary>
        public bool Ready { get; private set; }

        /// <summary>A voter's session is under way (or just ended and not reset yet).</summary>
        public bool Busy { get; private set; }

        /// <summary>Officials must look: a fault, a recovery, or paper running low.</summary>
        public bool Fault { get; private set; }

        public override bool Equals(object obj)
        {
            LightSet other = obj as LightSet;
            return other != null && other.Ready == Ready && other.Busy == Busy && other.Fault == Fault;
        }

        public override int GetHashCode()
        {
            return (Ready ? 1 : 0) | (Busy ? 2 : 0) | (Fault ? 4 : 0);
        }

        public override string ToString()
        {
            return "ready=" + (Ready ? "on" : "off") + " busy=" + (Busy ? "on" : "off") + " fault=" + (Fault ? "on" : "off");
        }
    }
}
