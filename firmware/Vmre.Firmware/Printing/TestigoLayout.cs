using Vmre.Firmware.Testigo;

namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// One paper per testigo, held on the roll until the voter decides (issue 9 point 1):
    /// Body prints the testigo and does NOT cut; then either Accepted (the vote is sealed:
    /// VOTO EMITIDO and its barcode under the testigo, cut) or Voided (the selection printed
    /// over with a black band, ANULADO and the reason, cut). No id and no time anywhere
    /// (rules.md R3). The counters' rule is on docs/formats/testigo-marks.md.
    /// </summary>
    public static class TestigoLayout
    {
        public const int QrModuleSize = 6;
        public const int ShortHashLength = 16;
        public const string Heading = "TESTIGO DEL VOTO";
        public const string LastLine = "Revise su testigo / Check your testigo";
        public const string AcceptedTitle = "VOTO EMITIDO";
        public const string AcceptedLine = "Este testigo cuenta en el recuento";
        public const string VoidedTitle = "ANULADO";
        public const string VoidedLine = "Este papel no cuenta en el recuento";

        /// <summary>Lines any one name, title or selection may take on the testigo.</summary>
        public const int MaxLinesPerText = 2;

        /// <summary>Line pitch the body prints at (ESC 3 30), so printer and emulator agree on height.</summary>
        public const int LineDots = 30;

        /// <summary>
        /// An upper bound of the tallest legal Body, in dot rows: how far Voided feeds back and
        /// how tall its band is. Heading 48 (double size) + election name 2 x 30 + separator 30;
        /// 8 contests x (title 2 x 30 + selection 2 x 30 + separator 30); the QR of a 512-byte
        /// payload (level M, version 18: 89 modules + 8 quiet) x 6 dots = 582; blank, Paquete
        /// and last line 3 x 30; plus 48 rows of margin; rounded up to whole band lines.
        /// Tested against the emulator's rendering of the largest testigo.
        /// </summary>
        public const int MaxBodyDots = 2064;

        public static byte[] Body(TestigoTicketData data)
        {
            if (data == null) throw new System.ArgumentNullException("data");
            if (data.ContestTitles == null || data.SelectionTexts == null
                || data.ContestTitles.Length != data.SelectionTexts.Length)
            {
                throw new System.ArgumentException("titles and selections must be the same length", "data");
            }
            if (data.ContestTitles.Length < 1 || data.ContestTitles.Length > TestigoRules.MaxContests)
            {
                throw new System.ArgumentException("a testigo holds 1 to 8 contests", "data");
            }
            if (data.QrPayload == null || data.QrPayload.Length == 0) throw new System.ArgumentException("QR payload missing", "data");
            if (data.QrPayload.Length > TestigoRules.MaxBytes) throw new System.ArgumentException("QR payload over 512 bytes", "data");

            EscPosWriter w = new EscPosWriter();
            w.Initialize().SelectCodePage858().LineSpacing(LineDots);
            w.Align(TextAlignment.Center).Bold(true).Size(2, 2).Line(Heading).Size(1, 1);
            Lines(w, data.ElectionName);
            w.Bold(false).Align(TextAlignment.Left);
            TicketBlocks.Separator(w);
            for (int i = 0; i < data.ContestTitles.Length; i++)
            {
                w.Bold(true);
                Lines(w, data.ContestTitles[i]);
                w.Bold(false);
                Lines(w, data.SelectionTexts[i]);
                TicketBlocks.Separator(w);
            }

            w.Align(TextAlignment.Center);
            w.Qr(data.QrPayload, QrModuleSize, QrErrorCorrection.M);
            w.Line();
            w.Line("Paquete " + TicketBlocks.ShortHash(data.PackageHash, ShortHashLength));
            w.Line(LastLine);
            w.Align(TextAlignment.Left).DefaultLineSpacing();
            // No cut: the paper stays at the window until the voter accepts or it is voided.
            return w.ToArray();
        }

        /// <summary>Printed once the vote is sealed, under the held testigo; then the cut.</summary>
        public static byte[] Accepted()
        {
            EscPosWriter w = new EscPosWriter();
            w.Initialize().SelectCodePage858();
            w.Align(TextAlignment.Center).Bold(true).Size(2, 2).Line(AcceptedTitle).Size(1, 1).Bold(false);
            w.Code128(TestigoMark.AcceptedText);
            w.Line();
            w.Line(AcceptedLine);
            w.Align(TextAlignment.Left);
            w.Feed(4).Cut();
            return w.ToArray();
        }

        /// <summary>
        /// The void on the same paper: back to the top of the uncut page, a solid band over the
        /// whole testigo (its selection can no longer be read, issue 9 point 1), then ANULADO,
        /// the reason, the void mark's barcode; then the cut.
        /// </summary>
        public static byte[] Voided(VoidReason reason)
        {
            string mark = TestigoMark.Voided(reason).Encode();
            EscPosWriter w = new EscPosWriter();
            w.Initialize().SelectCodePage858();
            w.ReverseFeedDots(MaxBodyDots);
            VoidBand.Print(w, MaxBodyDots);
            w.Align(TextAlignment.Center).Bold(true).Size(2, 2).Line(VoidedTitle).Size(1, 1).Bold(false);
            TicketBlocks.Wrapped(w, VoidReasonCodes.SpanishOf(reason), TicketBlocks.Width);
            w.Code128(mark);
            w.Line();
            w.Line(VoidedLine);
            w.Align(TextAlignment.Left);
            w.Feed(4).Cut();
            return w.ToArray();
        }

        private static void Lines(EscPosWriter w, string text)
        {
            string[] lines = TicketText.WrapAtMost(text, TicketBlocks.Width, MaxLinesPerText);
            for (int i = 0; i < lines.Length; i++) w.Line(lines[i]);
        }
    }
}
