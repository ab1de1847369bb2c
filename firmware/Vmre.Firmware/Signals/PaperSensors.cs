namespace Vmre.Firmware.Signals
{
    /// <summary>
    /// The paper near-end and paper-out sensors. Active-high: a high pin means paper low /
    /// paper out. When both read high, Out wins: the stricter reading keeps voters from
    /// starting a session that cannot print its testigo.
    /// </summary>
    public sealed class PaperSensors
    {
        private readonly IInputPin _low;
        private readonly IInputPin _out;

        public PaperSensors(IInputPin low, IInputPin @out)
        {
            if (low == null) throw new System.ArgumentNullException("low");
            if (@out == null) throw new System.ArgumentNullException("out");
            _low = low;
            _out = @out;
        }

        public PaperLevel Read()
        {
            if (_out.Read()) return PaperLevel.Out;
            return _low.Read() ? PaperLevel.Low : PaperLevel.Ok;
        }
    }
}
