namespace Vmre.Firmware.Printing
{
    /// <summary>Ticket pieces shared by the three layouts, so they look alike on paper.</summary>
    internal static class TicketBlocks
    {
        public const int Width = EscPosWriter.Columns;

        /// <summary>Reset, code page, then a centred double-size bold title and a subtitle.</summary>
        public static void Header(EscPosWriter w, string title, string subtitle)
        {
            w.Initialize().SelectCodePage858().Align(TextAlignment.Center).Bold(true).Size(2, 2);
            Wrapped(w, title, Width / 2);
            w.Size(1, 1);
            if (subtitle != null) Wrapped(w, subtitle, Width);
            w.Bold(false).Align(TextAlignment.Left);
            Separator(w);
        }

        public static void Separator(EscPosWriter w)
        {
            w.Line(TicketText.Separator(Width));
        }

        public static void Wrapped(EscPosWriter w, string text, int width)
        {
            string[] lines = TicketText.Wrap(text, width);
            for (int i = 0; i < lines.Length; i++) w.Line(lines[i]);
        }

        /// <summary>"Label: value", wrapped as one paragraph.</summary>
        public static void Field(EscPosWriter w, string label, string value)
        {
            Wrapped(w, label + ": " + (value ?? string.Empty), Width);
        }

        /// <summary>A label line, then a long value (a hash) cut at the width.</summary>
        public static void Block(EscPosWriter w, string label, string value)
        {
            w.Line(label + ":");
            Wrapped(w, value ?? string.Empty, Width);
        }

        public static void Count(EscPosWriter w, string label, int count)
        {
            string[] lines = TicketText.Leaders(label ?? string.Empty, count.ToString(), Width);
            for (int i = 0; i < lines.Length; i++) w.Line(lines[i]);
        }

        /// <summary>Space to sign, the signature line, then feed and cut.</summary>
        public static void SignatureAndCut(EscPosWriter w, string signer)
        {
            w.Feed(3);
            w.Line("Firma " + signer + " ______________________");
            w.Feed(4).Cut();
        }

        /// <summary>The first length chars of a hash (enough to match it by eye); empty when null.</summary>
        public static string ShortHash(string hash, int length)
        {
            if (hash == null) return string.Empty;
            return hash.Length <= length ? hash : hash.Substring(0, length);
        }

        public static void RequireSameLength(string[] labels, int[] counts, string name)
        {
            if (labels == null || counts == null || labels.Length != counts.Length)
            {
                throw new System.ArgumentException("labels and counts must be non-null and the same length", name);
            }
        }
    }
}
