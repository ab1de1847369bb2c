namespace Vmre.Firmware.Printing
{
    /// <summary>Outcome of decoding status replies: a garbled reply is a value, never an exception.</summary>
    public sealed class PrinterStatusResult
    {
        public const string NotAStatusByte = "reply is not a real-time status byte (fixed bits wrong)";

        private PrinterStatusResult(bool ok, string reason, PrinterStatus status)
        {
            Ok = ok;
            Reason = reason;
            Status = status;
        }

        public bool Ok { get; private set; }

        public string Reason { get; private set; }

        public PrinterStatus Status { get; private set; }

        internal static PrinterStatusResult Success(PrinterStatus status)
        {
            return new PrinterStatusResult(true, null, status);
        }

        internal static PrinterStatusResult Failure(string reason)
        {
            return new PrinterStatusResult(false, reason, null);
        }
    }
}
