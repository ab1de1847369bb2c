namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// Decodes the one-byte replies to DLE EOT 1..4. Every reply has bit 1 and bit 4 set and
    /// bits 0 and 7 clear; a byte that breaks this is line noise or an ASB/other reply and
    /// is refused rather than read as a status (a wrong "online" could lose a testigo).
    /// </summary>
    public static class PrinterStatusDecoder
    {
        private const int FixedMask = 0x93;
        private const int FixedValue = 0x12;

        public static bool IsStatusByte(byte reply)
        {
            return (reply & FixedMask) == FixedValue;
        }

        public static PrinterStatusResult Decode(byte printerStatus, byte offlineCause, byte errorCause, byte paperSensor)
        {
            if (!IsStatusByte(printerStatus) || !IsStatusByte(offlineCause)
                || !IsStatusByte(errorCause) || !IsStatusByte(paperSensor))
            {
                return PrinterStatusResult.Failure(PrinterStatusResult.NotAStatusByte);
            }

            PrinterStatus status = new PrinterStatus();
            status.Online = (printerStatus & 0x08) == 0;
            status.CoverOpen = (offlineCause & 0x04) != 0;
            status.FeedButtonPressed = (offlineCause & 0x08) != 0;
            status.AutocutterError = (errorCause & 0x08) != 0;
            status.UnrecoverableError = (errorCause & 0x20) != 0;
            status.AutoRecoverableError = (errorCause & 0x40) != 0;
            status.Error = (offlineCause & 0x40) != 0 || status.AutocutterError
                || status.UnrecoverableError || status.AutoRecoverableError;
            status.PaperNearEnd = (paperSensor & 0x0C) != 0;
            status.PaperOut = (paperSensor & 0x60) != 0 || (offlineCause & 0x20) != 0;
            return PrinterStatusResult.Success(status);
        }
    }
}
