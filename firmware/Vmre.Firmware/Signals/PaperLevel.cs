namespace Vmre.Firmware.Signals
{
    /// <summary>What the printer's paper sensors say.</summary>
    public enum PaperLevel
    {
        Ok = 0,

        /// <summary>Near-end sensor: a few testigos left; officials should change the roll.</summary>
        Low = 1,

        /// <summary>No paper: no testigo can print (rules.md R1), so no voter may start.</summary>
        Out = 2
    }
}
