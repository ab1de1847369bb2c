namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// DLE EOT n real-time status requests. The printer answers each with one byte even
    /// while busy or offline, so the terminal can tell "printed" from "stuck" before it
    /// lets the voter verify the testigo (rules.md R1).
    /// </summary>
    public static class RealTimeStatusRequest
    {
        public const byte Dle = 0x10;
        public const byte Eot = 0x04;

        public const byte PrinterStatusN = 1;
        public const byte OfflineCauseN = 2;
        public const byte ErrorCauseN = 3;
        public const byte PaperSensorN = 4;

        /// <summary>10 04 01: online/offline.</summary>
        public static byte[] PrinterStatus() { return new byte[] { Dle, Eot, PrinterStatusN }; }

        /// <summary>10 04 02: cover, feed button, paper-end stop, error.</summary>
        public static byte[] OfflineCause() { return new byte[] { Dle, Eot, OfflineCauseN }; }

        /// <summary>10 04 03: autocutter, unrecoverable, auto-recoverable errors.</summary>
        public static byte[] ErrorCause() { return new byte[] { Dle, Eot, ErrorCauseN }; }

        /// <summary>10 04 04: roll paper near-end and end sensors.</summary>
        public static byte[] PaperSensor() { return new byte[] { Dle, Eot, PaperSensorN }; }
    }
}
