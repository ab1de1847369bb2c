using Vmre.Firmware.Text;

namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// The printer's answer to GS ( H fn=48 (EscPosWriter.RequestProcessId): 0x37 0x22, the
    /// four ASCII digits sent, NUL. Matching the id proves the bytes before the request were
    /// processed (the ticket printed whole), which real-time status cannot (rules.md R1:
    /// a vote is sealed only after its testigo exists). Parsing never throws.
    /// </summary>
    public static class ProcessIdReply
    {
        /// <summary>Bytes in one reply: header 0x37, 0x22, four digits, NUL.</summary>
        public const int Length = 7;

        /// <summary>True with the id when buffer[offset..offset+count) is exactly one reply.</summary>
        public static bool TryParse(byte[] buffer, int offset, int count, out string id)
        {
            id = null;
            if (buffer == null || offset < 0 || count != Length || offset > buffer.Length - Length) return false;
            if (buffer[offset] != 0x37 || buffer[offset + 1] != 0x22 || buffer[offset + 6] != 0x00) return false;
            char[] digits = new char[4];
            for (int i = 0; i < 4; i++)
            {
                byte b = buffer[offset + 2 + i];
                digits[i] = (char)b;
                if (!Chars.IsDigit(digits[i])) return false;
            }
            id = new string(digits);
            return true;
        }

        /// <summary>n (0..9999) as the 4 digits to send, e.g. 7 -> "0007". Out of range throws.</summary>
        public static string Format(int n)
        {
            if (n < 0 || n > 9999) throw new System.ArgumentOutOfRangeException("n");
            return n.ToString().PadLeft(4, '0');
        }
    }
}
