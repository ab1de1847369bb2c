using Vmre.Firmware.Text;

namespace Vmre.Firmware.Testigo
{
    /// <summary>
    /// The content of the testigo QR, format v2:
    /// VMRE-T2|election8|style|contest=marks[;contest=marks]...
    /// It carries no id, no time, no sequence number and no voter data (rules.md R2, R3;
    /// issue 9 point 1: a printed id let a voter prove their vote once the recount is public).
    /// The text is printable ASCII only; write-ins are percent-encoded (WriteInSpelling).
    /// </summary>
    public sealed class TestigoPayload
    {
        /// <summary>The format tag every v2 payload starts with.</summary>
        public const string Tag = TestigoRules.Tag;

        private readonly ContestMarks[] _contests;

        public TestigoPayload(string electionHashPrefix, string ballotStyle, ContestMarks[] contests)
        {
            ElectionHashPrefix = electionHashPrefix;
            BallotStyle = ballotStyle;
            if (contests == null)
            {
                _contests = null;
            }
            else
            {
                _contests = new ContestMarks[contests.Length];
                System.Array.Copy(contests, _contests, contests.Length);
            }
        }

        /// <summary>First 8 lower-case hex chars of the election package SHA-256.</summary>
        public string ElectionHashPrefix { get; private set; }

        /// <summary>Ballot style id, 1-8 chars [A-Z0-9-].</summary>
        public string BallotStyle { get; private set; }

        /// <summary>The contests in ballot order (a copy). Write-in names are decoded (with Ñ).</summary>
        public ContestMarks[] Contests
        {
            get
            {
                if (_contests == null) return null;
                ContestMarks[] copy = new ContestMarks[_contests.Length];
                System.Array.Copy(_contests, copy, _contests.Length);
                return copy;
            }
        }

        /// <summary>Null when the payload can be encoded, else the TestigoReasons constant.</summary>
        public string Validate()
        {
            string reason = TestigoRules.CheckHeader(ElectionHashPrefix, BallotStyle);
            if (reason != null) return reason;
            reason = TestigoRules.CheckContests(_contests);
            if (reason != null) return reason;
            // The wire text is ASCII, so its length in chars is its length in bytes.
            if (BuildText().Length > TestigoRules.MaxBytes) return TestigoReasons.TooLong;
            return null;
        }

        /// <summary>
        /// Canonical encoding (party codes sorted ordinally, write-ins percent-encoded). An
        /// invalid payload here is a host programming error, not an expected failure, so it throws.
        /// </summary>
        public string Encode()
        {
            string reason = Validate();
            if (reason != null) throw new System.InvalidOperationException("testigo payload invalid: " + reason);
            return BuildText();
        }

        private string BuildText()
        {
            CharBuffer text = new CharBuffer(128);
            text.Append(TestigoRules.Tag).Append('|')
                .Append(ElectionHashPrefix).Append('|')
                .Append(BallotStyle).Append('|');
            for (int i = 0; i < _contests.Length; i++)
            {
                if (i > 0) text.Append(';');
                AppendMarks(text, _contests[i]);
            }
            return text.ToString();
        }

        private static void AppendMarks(CharBuffer text, ContestMarks marks)
        {
            text.Append(marks.ContestId).Append('=');
            switch (marks.Kind)
            {
                case MarkKind.Nothing:
                    text.Append(TestigoRules.NothingMark);
                    break;
                case MarkKind.WriteIn:
                    text.Append(TestigoRules.WriteInPrefix).Append(WriteInSpelling.Encode(marks.WriteInName));
                    break;
                case MarkKind.Parties:
                    string[] sorted = marks.PartyCodes;
                    SortOrdinal(sorted);
                    for (int i = 0; i < sorted.Length; i++)
                    {
                        if (i > 0) text.Append('+');
                        text.Append(sorted[i]);
                    }
                    break;
                default:
                    throw new System.ArgumentOutOfRangeException("marks");
            }
        }

        // Insertion sort: at most a handful of parties per coalition; no generic Array.Sort on nano.
        private static void SortOrdinal(string[] items)
        {
            for (int i = 1; i < items.Length; i++)
            {
                string item = items[i];
                int j = i - 1;
                while (j >= 0 && Chars.CompareOrdinal(items[j], item) > 0)
                {
                    items[j + 1] = items[j];
                    j--;
                }
                items[j + 1] = item;
            }
        }
    }
}
