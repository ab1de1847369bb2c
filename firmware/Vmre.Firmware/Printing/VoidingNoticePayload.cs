using Vmre.Firmware.Testigo;

namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// The QR of a voiding notice, retired format v1: VMRE-V1|election8|testigoId|reasonCode.
    /// Superseded by the void mark printed on the testigo itself (VMRE-M1, docs/formats/
    /// testigo-marks.md): naming a testigo id made the id a receipt (issue 9 point 1). Kept
    /// for decoding, so a recount refuses a V1 notice by name.
    /// </summary>
    public sealed class VoidingNoticePayload
    {
        public const string Tag = "VMRE-V1";

        /// <summary>Longest text the decoder accepts (v1 texts are at most 46 chars).</summary>
        public const int MaxChars = 64;

        public VoidingNoticePayload(string electionHashPrefix, string testigoId, VoidReason reason)
        {
            ElectionHashPrefix = electionHashPrefix;
            TestigoId = testigoId;
            Reason = reason;
        }

        /// <summary>First 8 lower-case hex chars of the election package SHA-256 (as in VMRE-T1).</summary>
        public string ElectionHashPrefix { get; private set; }

        /// <summary>The void testigo's id, 20 upper-case hex chars (as in VMRE-T1).</summary>
        public string TestigoId { get; private set; }

        public VoidReason Reason { get; private set; }

        /// <summary>Null when the payload can be encoded, else a VoidingNoticeReasons constant.</summary>
        public string Validate()
        {
            string reason = CheckIds(ElectionHashPrefix, TestigoId);
            if (reason != null) return reason;
            if (!VoidReasonCodes.IsDefined(Reason)) return VoidingNoticeReasons.UnknownReason;
            return null;
        }

        /// <summary>The canonical text. Invalid fields are a host programming error and throw.</summary>
        public string Encode()
        {
            string reason = Validate();
            if (reason != null) throw new System.InvalidOperationException("voiding notice payload invalid: " + reason);
            return Tag + "|" + ElectionHashPrefix + "|" + TestigoId + "|" + VoidReasonCodes.CodeOf(Reason);
        }

        /// <summary>
        /// The two id fields, checked by the encoder and the decoder alike, with the testigo
        /// format's own rules (the notice must name a testigo exactly as VMRE-T1 does).
        /// </summary>
        internal static string CheckIds(string electionHashPrefix, string testigoId)
        {
            if (!TestigoRules.IsElectionPrefix(electionHashPrefix)) return VoidingNoticeReasons.BadElection;
            if (!TestigoRules.IsTestigoId(testigoId)) return VoidingNoticeReasons.BadTestigoId;
            return null;
        }
    }
}
