namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// Printer condition decoded from the four DLE EOT replies (Epson ESC/POS real-time status).
    /// </summary>
    public sealed class PrinterStatus
    {
        internal PrinterStatus() { }

        /// <summary>n=1 bit 3 clear.</summary>
        public bool Online { get; internal set; }

        /// <summary>n=2 bit 2: roll paper cover open.</summary>
        public bool CoverOpen { get; internal set; }

        /// <summary>n=2 bit 3: paper being fed with the FEED button.</summary>
        public bool FeedButtonPressed { get; internal set; }

        /// <summary>n=4 bits 2,3: near-end sensor sees the roll running out. Still prints.</summary>
        public bool PaperNearEnd { get; internal set; }

        /// <summary>n=4 bits 5,6 or n=2 bit 5: no paper; printing stopped.</summary>
        public bool PaperOut { get; internal set; }

        /// <summary>n=3 bit 3: autocutter error (a paper jam, typically).</summary>
        public bool AutocutterError { get; internal set; }

        /// <summary>n=3 bit 5: unrecoverable error; the terminal must be taken out of service.</summary>
        public bool UnrecoverableError { get; internal set; }

        /// <summary>n=3 bit 6: auto-recoverable error (head overheat, cover opened while printing).</summary>
        public bool AutoRecoverableError { get; internal set; }

        /// <summary>n=2 bit 6 or any n=3 error bit.</summary>
        public bool Error { get; internal set; }

        /// <summary>True when a testigo can be printed now. A near-end roll still prints.</summary>
        public bool ReadyToPrint
        {
            get { return Online && !CoverOpen && !PaperOut && !Error; }
        }
    }
}
