using System.Collections;
using Vmre.Firmware.Text;

namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// Column arithmetic for tickets: word wrap, separators and dot leaders. Pure string
    /// functions so they are tested without a printer.
    /// </summary>
    public static class TicketText
    {
        /// <summary>Wraps at spaces; words longer than width (hashes) are cut hard. Never empty.</summary>
        public static string[] Wrap(string text, int width)
        {
            if (width < 1) throw new System.ArgumentOutOfRangeException("width");
            ArrayList lines = new ArrayList();
            string[] words = (text ?? string.Empty).Split(' ');
            string current = string.Empty;
            for (int i = 0; i < words.Length; i++)
            {
                string word = words[i];
                if (word.Length == 0) continue;
                while (word.Length > width)
                {
                    if (current.Length > 0) { lines.Add(current); current = string.Empty; }
                    lines.Add(word.Substring(0, width));
                    word = word.Substring(width);
                }
                if (current.Length == 0) current = word;
                else if (current.Length + 1 + word.Length <= width) current = current + " " + word;
                else { lines.Add(current); current = word; }
            }
            if (current.Length > 0 || lines.Count == 0) lines.Add(current);
            return (string[])lines.ToArray(typeof(string));
        }

        /// <summary>
        /// Wrap, kept to at most maxLines lines; a text cut short ends its last line in "...".
        /// Bounds a ticket's height (TestigoLayout.MaxBodyDots) whatever the package's names.
        /// </summary>
        public static string[] WrapAtMost(string text, int width, int maxLines)
        {
            if (maxLines < 1) throw new System.ArgumentOutOfRangeException("maxLines");
            if (width < 4) throw new System.ArgumentOutOfRangeException("width");
            string[] lines = Wrap(text, width);
            if (lines.Length <= maxLines) return lines;
            string[] kept = new string[maxLines];
            System.Array.Copy(lines, kept, maxLines);
            string last = kept[maxLines - 1];
            if (last.Length > width - 3) last = last.Substring(0, width - 3);
            kept[maxLines - 1] = last + "...";
            return kept;
        }

        /// <summary>A full-width line of '-'.</summary>
        public static string Separator(int width)
        {
            return new string('-', width);
        }

        /// <summary>
        /// "label ..... value" with value flush right; a long label wraps and the leaders go
        /// on its last line, so figures always line up in one column for the count.
        /// </summary>
        public static string[] Leaders(string label, string value, int width)
        {
            int room = width - value.Length - 2; // at least " ." ... " " around the dots
            if (room < 1) throw new System.ArgumentOutOfRangeException("value");
            string[] labelLines = Wrap(label, room);
            string last = labelLines[labelLines.Length - 1];
            CharBuffer line = new CharBuffer(width);
            line.Append(last).Append(' ');
            int dots = width - last.Length - 1 - value.Length - 1;
            for (int i = 0; i < dots; i++) line.Append('.');
            line.Append(' ').Append(value);
            labelLines[labelLines.Length - 1] = line.ToString();
            return labelLines;
        }
    }
}
