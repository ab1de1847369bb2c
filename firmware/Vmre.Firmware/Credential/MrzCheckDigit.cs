namespace Vmre.Firmware.Credential
{
    /// <summary>
    /// ICAO 9303 part 3 check digit: weights 7,3,1 repeating; digits are their value,
    /// A..Z are 10..35, the filler '&lt;' is 0; the sum modulo 10.
    /// </summary>
    public static class MrzCheckDigit
    {
        /// <summary>The check digit of s, or -1 when s holds a char outside A-Z 0-9 &lt;.</summary>
        public static int Compute(string s)
        {
            int sum = 0;
            for (int i = 0; i < s.Length; i++)
            {
                int value = ValueOf(s[i]);
                if (value < 0) return -1;
                int weight = (i % 3) == 0 ? 7 : ((i % 3) == 1 ? 3 : 1);
                sum += value * weight;
            }
            return sum % 10;
        }

        /// <summary>The check digit of s as its MRZ char '0'..'9'.</summary>
        public static char ComputeChar(string s)
        {
            int digit = Compute(s);
            if (digit < 0) throw new System.ArgumentException("not an MRZ string", "s");
            return (char)('0' + digit);
        }

        /// <summary>True when check is the digit char matching s.</summary>
        public static bool Matches(string s, char check)
        {
            int digit = Compute(s);
            return digit >= 0 && check == (char)('0' + digit);
        }

        internal static int ValueOf(char c)
        {
            if (c >= '0' && c <= '9') return c - '0';
            if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
            if (c == '<') return 0;
            return -1;
        }
    }
}
