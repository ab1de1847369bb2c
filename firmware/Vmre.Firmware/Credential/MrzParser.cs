using Vmre.Firmware.Text;

namespace Vmre.Firmware.Credential
{
    /// <summary>
    /// Parser of the ICAO 9303 part 5 TD1 MRZ on INE credentials ("IDMEX..."): three lines
    /// of 30 chars. Every check digit is verified, so a misread scan is refused rather than
    /// looked up under a wrong CIC. Never throws on any input.
    /// </summary>
    public static class MrzParser
    {
        public const int LineLength = 30;

        public static MrzParseResult Parse(string mrz)
        {
            if (mrz == null || mrz.Length == 0) return MrzParseResult.Failure(MrzReasons.Empty);
            string[] lines = SplitLines(mrz);
            if (lines == null) return MrzParseResult.Failure(MrzReasons.LineCount);
            for (int i = 0; i < 3; i++)
            {
                if (lines[i].Length != LineLength) return MrzParseResult.Failure(MrzReasons.LineLength);
                for (int j = 0; j < LineLength; j++)
                {
                    if (MrzCheckDigit.ValueOf(lines[i][j]) < 0) return MrzParseResult.Failure(MrzReasons.Charset);
                }
            }
            string l1 = lines[0];
            string l2 = lines[1];
            string l3 = lines[2];

            // Line 1: 1-2 type, 3-5 state, 6-14 document number, 15 check, 16-30 optional.
            if (l1.Substring(0, 2) != "ID") return MrzParseResult.Failure(MrzReasons.DocumentType);
            if (l1.Substring(2, 3) != "MEX") return MrzParseResult.Failure(MrzReasons.IssuingState);
            if (!MrzCheckDigit.Matches(l1.Substring(5, 9), l1[14])) return MrzParseResult.Failure(MrzReasons.DocumentNumberCheck);

            // Line 2: 1-6 birth, 7 check, 8 sex, 9-14 expiry, 15 check, 16-18 nationality,
            // 19-29 optional, 30 composite.
            string birth = l2.Substring(0, 6);
            if (!IsDate(birth)) return MrzParseResult.Failure(MrzReasons.BirthDateFormat);
            if (!MrzCheckDigit.Matches(birth, l2[6])) return MrzParseResult.Failure(MrzReasons.BirthDateCheck);
            char sex = l2[7];
            // ICAO uses M, F and '<'; H (hombre) is accepted too so a Spanish-coded card is
            // not turned away at the desk: sex is not used for eligibility.
            if (sex != 'M' && sex != 'F' && sex != 'H' && sex != '<') return MrzParseResult.Failure(MrzReasons.Sex);
            string expiry = l2.Substring(8, 6);
            if (!IsDate(expiry)) return MrzParseResult.Failure(MrzReasons.ExpiryDateFormat);
            if (!MrzCheckDigit.Matches(expiry, l2[14])) return MrzParseResult.Failure(MrzReasons.ExpiryDateCheck);
            string nationality = l2.Substring(15, 3);
            for (int i = 0; i < 3; i++)
            {
                if (!Chars.IsUpperLetter(nationality[i]) && nationality[i] != '<') return MrzParseResult.Failure(MrzReasons.Nationality);
            }
            if (!MrzCheckDigit.Matches(CompositeText(l1, l2), l2[29])) return MrzParseResult.Failure(MrzReasons.CompositeCheck);

            string surnames;
            string givenNames;
            if (!MrzNames.TryParse(l3, out surnames, out givenNames)) return MrzParseResult.Failure(MrzReasons.Names);

            CredentialMrz credential = new CredentialMrz();
            credential.DocumentNumber = l1.Substring(5, 9);
            credential.OptionalData1 = l1.Substring(15, 15);
            credential.CitizenId = CitizenIdOf(credential.OptionalData1);
            credential.BirthDate = birth;
            credential.Sex = sex.ToString();
            credential.ExpiryDate = expiry;
            credential.Nationality = nationality;
            credential.OptionalData2 = l2.Substring(18, 11);
            credential.Surnames = surnames;
            credential.GivenNames = givenNames;
            return MrzParseResult.Success(credential);
        }

        /// <summary>ICAO 9303 part 5: line 1 positions 6-30, line 2 positions 1-7, 9-15, 19-29.</summary>
        internal static string CompositeText(string l1, string l2)
        {
            return l1.Substring(5, 25) + l2.Substring(0, 7) + l2.Substring(8, 7) + l2.Substring(18, 11);
        }

        // Splits on \n, tolerating \r\n and one trailing newline. Null unless exactly 3 lines.
        private static string[] SplitLines(string mrz)
        {
            string[] raw = mrz.Split('\n');
            int count = raw.Length;
            if (count == 4 && (raw[3].Length == 0 || raw[3] == "\r")) count = 3;
            if (count != 3) return null;
            string[] lines = new string[3];
            for (int i = 0; i < 3; i++)
            {
                string line = raw[i];
                if (line.Length > 0 && line[line.Length - 1] == '\r') line = line.Substring(0, line.Length - 1);
                lines[i] = line;
            }
            return lines;
        }

        // INE writes "<<" then the 13-digit citizen identifier in line 1 optional data.
        private static string CitizenIdOf(string optional)
        {
            if (optional[0] != '<' || optional[1] != '<') return null;
            for (int i = 2; i < 15; i++)
            {
                if (!Chars.IsDigit(optional[i])) return null;
            }
            return optional.Substring(2, 13);
        }

        private static bool IsDate(string yymmdd)
        {
            if (!Chars.IsDigitString(yymmdd, 6)) return false;
            int month = (yymmdd[2] - '0') * 10 + (yymmdd[3] - '0');
            int day = (yymmdd[4] - '0') * 10 + (yymmdd[5] - '0');
            return month >= 1 && month <= 12 && day >= 1 && day <= 31;
        }
    }
}
