using Vmre.Firmware.Printing;

namespace Vmre.Firmware.Testigo
{
    /// <summary>
    /// The mark printed on the same paper as the testigo, as a Code128 barcode, format v1:
    /// VMRE-M1|EMITIDO, or VMRE-M1|ANULADO|&lt;CODE&gt; with a VoidReasonCodes code. Like the
    /// testigo it names nothing: no id, no time, no device (issue 9 point 1, rules.md R3), so
    /// the seven possible texts say only "counts" or "does not count, because".
    /// </summary>
    public sealed class TestigoMark
    {
        public const string Tag = "VMRE-M1";
        public const string AcceptedWord = "EMITIDO";
        public const string VoidedWord = "ANULADO";

        /// <summary>The whole acceptance mark text.</summary>
        public const string AcceptedText = Tag + "|" + AcceptedWord;

        /// <summary>Longest text the decoder reads ("VMRE-M1|ANULADO|REJECTED" has 24).</summary>
        public const int MaxChars = 32;

        private TestigoMark(TestigoMarkKind kind, VoidReason reason)
        {
            Kind = kind;
            Reason = reason;
        }

        public TestigoMarkKind Kind { get; private set; }

        /// <summary>Why the paper is void (Kind == Voided); meaningless for Accepted.</summary>
        public VoidReason Reason { get; private set; }

        public static TestigoMark Accepted()
        {
            return new TestigoMark(TestigoMarkKind.Accepted, VoidReason.PrinterFault);
        }

        /// <summary>A void mark; an undefined reason is a host programming error and throws.</summary>
        public static TestigoMark Voided(VoidReason reason)
        {
            if (!VoidReasonCodes.IsDefined(reason)) throw new System.ArgumentOutOfRangeException("reason");
            return new TestigoMark(TestigoMarkKind.Voided, reason);
        }

        /// <summary>The canonical text, printed as Code128 code set B.</summary>
        public string Encode()
        {
            if (Kind == TestigoMarkKind.Accepted) return AcceptedText;
            return Tag + "|" + VoidedWord + "|" + VoidReasonCodes.CodeOf(Reason);
        }
    }
}
