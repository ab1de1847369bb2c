namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// The voiding notice: printed when a testigo in flight is void (rejected, fled, printer
    /// or cover fault, power loss), so it drops into the same box and the paper recount
    /// excludes the testigo it names (rules.md R1, R6). Big "TESTIGO ANULADO", the id large
    /// (to match a torn testigo by eye), the reason in Spanish, device, short package hash,
    /// the QR. No time (rules.md R3).
    /// </summary>
    public static class VoidingNoticeLayout
    {
        public const string Title = "TESTIGO ANULADO";
        public const int QrModuleSize = 6;

        public static byte[] Build(VoidingNoticeData data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            if (data.TestigoId == null || data.TestigoId.Length == 0) throw new System.ArgumentException("testigo id missing", "data");
            if (data.QrPayload == null || data.QrPayload.Length == 0) throw new System.ArgumentException("QR payload missing", "data");

            EscPosWriter w = new EscPosWriter();
            TicketBlocks.Header(w, Title, data.ElectionName);

            // The id at double size: 20 chars x 2 = 40 columns, within the 48 of the paper.
            w.Align(TextAlignment.Center).Line("Testigo");
            w.Bold(true).Size(2, 2).Line(data.TestigoId).Size(1, 1).Bold(false);
            w.Align(TextAlignment.Left);
            TicketBlocks.Separator(w);

            w.Underline(true).Line("Motivo").Underline(false);
            TicketBlocks.Wrapped(w, VoidReasonCodes.SpanishOf(data.Reason), TicketBlocks.Width);
            TicketBlocks.Field(w, "Dispositivo", data.DeviceId);
            TicketBlocks.Field(w, "Paquete", TicketBlocks.ShortHash(data.PackageHash, TestigoLayout.ShortHashLength));
            TicketBlocks.Wrapped(w, "El testigo anulado no cuenta en el recuento en papel.", TicketBlocks.Width);
            TicketBlocks.Separator(w);

            w.Align(TextAlignment.Center);
            w.Qr(data.QrPayload, QrModuleSize, QrErrorCorrection.M);
            w.Line();
            w.Line("Anula el testigo " + data.TestigoId);
            w.Align(TextAlignment.Left);
            w.Feed(4).Cut();
            return w.ToArray();
        }
    }
}
