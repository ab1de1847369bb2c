using Vmre.Firmware.Text;

namespace Vmre.Firmware.Credential
{
    /// <summary>
    /// Builds synthetic INE TD1 MRZs with correct check digits, for the hardware simulator
    /// and the tests. Simulated voters must never be real people: use invented names.
    /// Invalid input is a programming error here, so it throws ArgumentException.
    /// </summary>
    public static class MrzBuilder
    {
        /// <summary>
        /// Three 30-char lines joined by '\n' (no trailing newline). citizenId13 may be null
        /// (optional data then all '&lt;'); sex is "M", "F", "H" or "&lt;"; names use spaces.
        /// </summary>
        public static string Build(string cic9, string citizenId13, string birthYYMMDD, string sex,
            string expiryYYMMDD, string surnames, string givenNames)
        {
            Require(cic9 != null && cic9.Length == 9 && MrzCheckDigit.Compute(cic9) >= 0, "cic9");
            Require(citizenId13 == null || Chars.IsDigitString(citizenId13, 13), "citizenId13");
            Require(Chars.IsDigitString(birthYYMMDD, 6), "birthYYMMDD");
            Require(sex == "M" || sex == "F" || sex == "H" || sex == "<", "sex");
            Require(Chars.IsDigitString(expiryYYMMDD, 6), "expiryYYMMDD");

            string optional1 = citizenId13 == null ? Fill(string.Empty, 15) : "<<" + citizenId13;
            string line1 = "IDMEX" + cic9 + MrzCheckDigit.ComputeChar(cic9) + optional1;

            string line2Head = birthYYMMDD + MrzCheckDigit.ComputeChar(birthYYMMDD) + sex
                + expiryYYMMDD + MrzCheckDigit.ComputeChar(expiryYYMMDD) + "MEX" + Fill(string.Empty, 11);
            string line2 = line2Head + MrzCheckDigit.ComputeChar(MrzParser.CompositeText(line1, line2Head));

            string names = MrzNames.ToField(surnames);
            string given = MrzNames.ToField(givenNames);
            if (given.Length > 0) names = names + "<<" + given;
            Require(names.Length > 0, "surnames/givenNames");
            // ICAO 9303 part 3 (truncation of names): a name that does not fit is cut at the
            // end of the line, as on the card; the last character must not be a filler.
            if (names.Length > MrzParser.LineLength) names = MrzNames.TrimFillers(names.Substring(0, MrzParser.LineLength));
            string line3 = Fill(names, MrzParser.LineLength);

            return line1 + "\n" + line2 + "\n" + line3;
        }

        private static string Fill(string s, int length)
        {
            return s.PadRight(length, '<');
        }

        private static void Require(bool condition, string parameter)
        {
            if (!condition) throw new System.ArgumentException("invalid MRZ field", parameter);
        }
    }
}
