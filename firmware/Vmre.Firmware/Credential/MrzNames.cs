using Vmre.Firmware.Text;

namespace Vmre.Firmware.Credential
{
    /// <summary>
    /// Name field of TD1 line 3: SURNAME&lt;SECOND&lt;&lt;GIVEN&lt;NAMES, '&lt;'-padded to 30 chars.
    /// </summary>
    internal static class MrzNames
    {
        public static bool TryParse(string line, out string surnames, out string givenNames)
        {
            surnames = null;
            givenNames = null;
            string used = TrimFillers(line);
            if (used.Length == 0) return false;
            for (int i = 0; i < used.Length; i++)
            {
                if (!Chars.IsUpperLetter(used[i]) && used[i] != '<') return false;
            }
            int split = used.IndexOf("<<");
            string primary = split < 0 ? used : used.Substring(0, split);
            string secondary = split < 0 ? string.Empty : used.Substring(split + 2);
            if (primary.Length == 0 || primary[0] == '<') return false;
            // A single '<' separates name parts; any longer run inside a part is malformed.
            if (primary.IndexOf("<<") >= 0 || secondary.IndexOf("<<") >= 0) return false;
            if (secondary.Length > 0 && secondary[0] == '<') return false;
            surnames = Spaces(primary);
            givenNames = Spaces(secondary);
            return true;
        }

        /// <summary>s without its trailing '&lt;' fillers.</summary>
        public static string TrimFillers(string s)
        {
            int end = s.Length;
            while (end > 0 && s[end - 1] == '<') end--;
            return s.Substring(0, end);
        }

        /// <summary>Turns "GARCIA LOPEZ" into "GARCIA&lt;LOPEZ"; only A-Z and single spaces allowed.</summary>
        public static string ToField(string names)
        {
            if (names == null) return string.Empty;
            CharBuffer field = new CharBuffer(32);
            for (int i = 0; i < names.Length; i++)
            {
                char c = names[i];
                if (c == ' ') field.Append('<');
                else if (Chars.IsUpperLetter(c)) field.Append(c);
                else throw new System.ArgumentException("MRZ names hold only A-Z and spaces", "names");
            }
            return field.ToString();
        }

        private static string Spaces(string part)
        {
            char[] chars = part.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == '<') chars[i] = ' ';
            }
            return new string(chars);
        }
    }
}
