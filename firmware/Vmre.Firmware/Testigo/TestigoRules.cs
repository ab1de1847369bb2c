using Vmre.Firmware.Text;

namespace Vmre.Firmware.Testigo
{
    /// <summary>
    /// Field rules of testigo format v2 (docs/formats/testigo-qr.md), shared by the encoder
    /// and the decoder. Each check returns null when fine, else a TestigoReasons constant.
    /// </summary>
    internal static class TestigoRules
    {
        public const string Tag = "VMRE-T2";

        /// <summary>The retired v1 tag: refused by name, never read (issue 9 point 5).</summary>
        public const string RetiredTag = "VMRE-T1";

        public const int MaxBytes = 512;
        public const int MaxContests = 8;
        public const string NothingMark = "-";
        public const string WriteInPrefix = "CNR:";

        public static string CheckHeader(string election8, string style)
        {
            if (!IsElectionPrefix(election8)) return TestigoReasons.BadElection;
            if (!Chars.IsId(style, 1, 8)) return TestigoReasons.BadStyle;
            return null;
        }

        /// <summary>First 8 lower-case hex chars of the package SHA-256; also names the election in VMRE-V1.</summary>
        public static bool IsElectionPrefix(string election8)
        {
            return Chars.IsLowerHexString(election8, 8);
        }

        /// <summary>
        /// 20 upper-case hex chars: the v1 testigo id, kept only because the retired voiding
        /// notice (VMRE-V1) still has to be decoded to be refused by name. VMRE-T2 has no id.
        /// </summary>
        public static bool IsTestigoId(string testigoId)
        {
            return Chars.IsUpperHexString(testigoId, 20);
        }

        /// <summary>
        /// The v2 wire alphabet: A-Z a-f 0-9 space | ; = + : - %. Printable ASCII without
        /// '\' and '~', which Shift-JIS / JIS X 0201 readers show as ¥ and ‾ (issue 9 point 4).
        /// Lower-case a-f appear only in the election prefix.
        /// </summary>
        public static bool IsWireChar(char c)
        {
            if (Chars.IsUpperLetter(c) || Chars.IsDigit(c)) return true;
            if (c >= 'a' && c <= 'f') return true;
            return c == ' ' || c == '|' || c == ';' || c == '=' || c == '+' || c == ':' || c == '-' || c == '%';
        }

        public static string CheckPartyCode(string code)
        {
            if (code == null || code.Length < 1 || code.Length > 10) return TestigoReasons.BadPartyCode;
            for (int i = 0; i < code.Length; i++)
            {
                if (!Chars.IsUpperLetter(code[i]) && !Chars.IsDigit(code[i])) return TestigoReasons.BadPartyCode;
            }
            return null;
        }

        public static string CheckWriteInName(string name)
        {
            if (name == null || name.Length < 1 || name.Length > 40) return TestigoReasons.BadWriteInName;
            for (int i = 0; i < name.Length; i++)
            {
                if (!IsNameChar(name[i])) return TestigoReasons.BadWriteInName;
            }
            if (name[0] == ' ' || name[name.Length - 1] == ' ' || name.IndexOf("  ") >= 0)
            {
                return TestigoReasons.WriteInSpacing;
            }
            return null;
        }

        /// <summary>Checks one contest's marks; party codes may be in any order here.</summary>
        public static string CheckMarks(ContestMarks marks)
        {
            if (marks == null) return TestigoReasons.BadContestEntry;
            if (!Chars.IsId(marks.ContestId, 1, 16)) return TestigoReasons.BadContestId;
            switch (marks.Kind)
            {
                case MarkKind.Nothing:
                    return null;
                case MarkKind.WriteIn:
                    return CheckWriteInName(marks.WriteInName);
                case MarkKind.Parties:
                    string[] codes = marks.PartyCodesInternal;
                    if (codes.Length == 0) return TestigoReasons.EmptyMarks;
                    for (int i = 0; i < codes.Length; i++)
                    {
                        string reason = CheckPartyCode(codes[i]);
                        if (reason != null) return reason;
                        for (int j = 0; j < i; j++)
                        {
                            if (codes[j] == codes[i]) return TestigoReasons.DuplicateParty;
                        }
                    }
                    return null;
                default:
                    throw new System.ArgumentOutOfRangeException("marks");
            }
        }

        /// <summary>Checks the contest list: 1-8 entries, each valid, no contest twice.</summary>
        public static string CheckContests(ContestMarks[] contests)
        {
            if (contests == null || contests.Length < 1 || contests.Length > MaxContests) return TestigoReasons.ContestCount;
            for (int i = 0; i < contests.Length; i++)
            {
                string reason = CheckMarks(contests[i]);
                if (reason != null) return reason;
                for (int j = 0; j < i; j++)
                {
                    if (contests[j].ContestId == contests[i].ContestId) return TestigoReasons.DuplicateContest;
                }
            }
            return null;
        }

        /// <summary>The write-in alphabet: A-Z, space and the seven Spanish letters.</summary>
        public static bool IsNameChar(char c)
        {
            // Upper-case Spanish letters only: the name is printed on the testigo and keyed
            // by officials at the count; one spelling per name keeps the re-count exact.
            if (Chars.IsUpperLetter(c) || c == ' ') return true;
            return c == '\u00D1' || c == '\u00C1' || c == '\u00C9' || c == '\u00CD'
                || c == '\u00D3' || c == '\u00DA' || c == '\u00DC';
        }
    }
}
