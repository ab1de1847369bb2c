namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// The testigo: the voter-verified paper record of one vote (rules.md R1). Human-readable
    /// selection plus the QR of the open payload format (docs/formats/testigo-qr.md).
    /// No time is printed (rules.md R3). The id prints right after the header, before the
    /// selections, so a testigo torn by a jam still shows it and its voiding notice can be
    /// matched (docs/formats/voiding-notice.md); it prints again under the QR.
    /// </summary>
    public static class TestigoLayout
    {
        public const int QrModuleSize = 6;
        public const int ShortHashLength = 16;

        public static byte[] Build(TestigoTicketData data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            if (data.ContestTitles == null || data.SelectionTexts == null
                || data.ContestTitles.Length != data.SelectionTexts.Length)
            {
                throw new System.ArgumentException("titles and selections must be the same length", "data");
            }
            if (data.QrPayload == null || data.QrPayload.Length == 0) throw new System.ArgumentException("QR payload missing", "data");

            EscPosWriter w = new EscPosWriter();
            TicketBlocks.Header(w, "TESTIGO DEL VOTO", data.ElectionName);
            w.Line("Testigo " + data.TestigoId);
            TicketBlocks.Separator(w);
            for (int i = 0; i < data.ContestTitles.Length; i++)
            {
                w.Bold(true);
                TicketBlocks.Wrapped(w, data.ContestTitles[i], TicketBlocks.Width);
                w.Bold(false);
                TicketBlocks.Wrapped(w, "  " + data.SelectionTexts[i], TicketBlocks.Width);
                TicketBlocks.Separator(w);
            }

            w.Align(TextAlignment.Center);
            w.Qr(data.QrPayload, QrModuleSize, QrErrorCorrection.M);
            w.Line();
            w.Line("Testigo " + data.TestigoId);
            w.Line("Paquete " + TicketBlocks.ShortHash(data.PackageHash, ShortHashLength));
            w.Align(TextAlignment.Left);
            w.Feed(4).Cut();
            return w.ToArray();
        }
    }
}
