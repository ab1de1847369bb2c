namespace Vmre.Firmware.Text
{
    /// <summary>
    /// Character classes used by the wire formats. Written by hand because nanoFramework's
    /// System.Char has no IsDigit/IsLetter, and because the formats are defined over exact
    /// ASCII ranges, never over culture-dependent Unicode categories.
    /// </summary>
    public static class Chars
    {
        public static bool IsDigit(char c) { return c >= '0' && c <= '9'; }

        public static bool IsUpperLetter(char c) { return c >= 'A' && c <= 'Z'; }

        public static bool IsUpperHex(char c) { return IsDigit(c) || (c >= 'A' && c <= 'F'); }

        public static bool IsLowerHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f'); }

        /// <summary>Identifier charset [A-Z0-9-] shared by ballot styles, contests and modules.</summary>
        public static bool IsIdChar(char c) { return IsUpperLetter(c) || IsDigit(c) || c == '-'; }

        /// <summary>True when s has length in [min,max] and every char is [A-Z0-9-].</summary>
        public static bool IsId(string s, int min, int max)
        {
            if (s == null || s.Length < min || s.Length > max) return false;
            for (int i = 0; i < s.Length; i++) if (!IsIdChar(s[i])) return false;
            return true;
        }

        /// <summary>True when s has exactly length chars, all digits.</summary>
        public static bool IsDigitString(string s, int length)
        {
            if (s == null || s.Length != length) return false;
            for (int i = 0; i < s.Length; i++) if (!IsDigit(s[i])) return false;
            return true;
        }

        /// <summary>True when s has exactly length chars, all upper-case hex.</summary>
        public static bool IsUpperHexString(string s, int length)
        {
            if (s == null || s.Length != length) return false;
            for (int i = 0; i < s.Length; i++) if (!IsUpperHex(s[i])) return false;
            return true;
        }

        /// <summary>True when s has exactly length chars, all lower-case hex.</summary>
        public static bool IsLowerHexString(string s, int length)
        {
            if (s == null || s.Length != length) return false;
            for (int i = 0; i < s.Length; i++) if (!IsLowerHex(s[i])) return false;
            return true;
        }

        /// <summary>
        /// Ordinal (UTF-16 code unit) comparison. string.Compare is culture-sensitive on .NET
        /// but not on nanoFramework; canonical forms must sort the same on both runtimes.
        /// </summary>
        public static int CompareOrdinal(string a, string b)
        {
            int n = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < n; i++)
            {
                if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
            }
            if (a.Length == b.Length) return 0;
            return a.Length < b.Length ? -1 : 1;
        }
    }
}
