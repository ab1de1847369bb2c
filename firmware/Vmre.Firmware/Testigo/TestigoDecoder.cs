using Vmre.Firmware.Text;

namespace Vmre.Firmware.Testigo
{
    /// <summary>
    /// Strict decoder of testigo format v2. Used by the paper re-count tool (rules.md R1):
    /// it accepts only the canonical form, so one selection has exactly one QR text and two
    /// tools can never disagree about what a testigo says. A v1 text is refused by name
    /// (issue 9 point 5). Never throws on any input.
    /// </summary>
    public static class TestigoDecoder
    {
        public static TestigoDecodeResult Decode(string text)
        {
            if (text == null || text.Length == 0) return TestigoDecodeResult.Failure(TestigoReasons.Empty);
            if (text.Length > TestigoRules.MaxBytes) return TestigoDecodeResult.Failure(TestigoReasons.TooLong);

            string[] fields = text.Split('|');
            if (fields[0] == TestigoRules.RetiredTag) return TestigoDecodeResult.Failure(TestigoReasons.RetiredT1);
            if (fields[0] != TestigoRules.Tag) return TestigoDecodeResult.Failure(TestigoReasons.UnknownTag);
            for (int i = 0; i < text.Length; i++)
            {
                if (!TestigoRules.IsWireChar(text[i])) return TestigoDecodeResult.Failure(TestigoReasons.NotWireChar);
            }
            if (fields.Length != 4) return TestigoDecodeResult.Failure(TestigoReasons.FieldCount);

            string reason = TestigoRules.CheckHeader(fields[1], fields[2]);
            if (reason != null) return TestigoDecodeResult.Failure(reason);

            string[] entries = fields[3].Split(';');
            if (fields[3].Length == 0 || entries.Length > TestigoRules.MaxContests)
            {
                return TestigoDecodeResult.Failure(TestigoReasons.ContestCount);
            }

            ContestMarks[] contests = new ContestMarks[entries.Length];
            for (int i = 0; i < entries.Length; i++)
            {
                ContestMarks marks = ParseEntry(entries[i], out reason);
                if (marks == null) return TestigoDecodeResult.Failure(reason);
                contests[i] = marks;
            }

            reason = TestigoRules.CheckContests(contests);
            if (reason != null) return TestigoDecodeResult.Failure(reason);

            return TestigoDecodeResult.Success(new TestigoPayload(fields[1], fields[2], contests));
        }

        private static ContestMarks ParseEntry(string entry, out string reason)
        {
            int eq = entry.IndexOf('=');
            if (eq < 0)
            {
                reason = TestigoReasons.BadContestEntry;
                return null;
            }
            string contestId = entry.Substring(0, eq);
            string marks = entry.Substring(eq + 1);
            reason = null;
            if (!Chars.IsId(contestId, 1, 16))
            {
                reason = TestigoReasons.BadContestId;
                return null;
            }
            if (marks.Length == 0)
            {
                reason = TestigoReasons.EmptyMarks;
                return null;
            }
            if (marks == TestigoRules.NothingMark) return ContestMarks.Nothing(contestId);
            if (marks.StartsWith(TestigoRules.WriteInPrefix))
            {
                string name = WriteInSpelling.Decode(marks.Substring(TestigoRules.WriteInPrefix.Length), out reason);
                if (name == null) return null;
                return ContestMarks.WriteIn(contestId, name);
            }
            return ParseParties(contestId, marks, out reason);
        }

        private static ContestMarks ParseParties(string contestId, string marks, out string reason)
        {
            string[] codes = marks.Split('+');
            for (int i = 0; i < codes.Length; i++)
            {
                reason = TestigoRules.CheckPartyCode(codes[i]);
                if (reason != null) return null;
                if (i == 0) continue;
                int order = Chars.CompareOrdinal(codes[i - 1], codes[i]);
                if (order == 0)
                {
                    reason = TestigoReasons.DuplicateParty;
                    return null;
                }
                if (order > 0)
                {
                    // Canonical form only: "PRI+PAN" and "PAN+PRI" must not both be valid texts.
                    reason = TestigoReasons.NotCanonical;
                    return null;
                }
            }
            reason = null;
            return ContestMarks.Parties(contestId, codes);
        }
    }
}
