using Vmre.Firmware.Printing;

namespace Vmre.Firmware.Testigo
{
    /// <summary>
    /// Strict decoder of mark format v1 for the paper recount: exactly the seven canonical
    /// texts are read, anything else is refused with a TestigoMarkReasons constant, so a
    /// paper counts only on an exact VMRE-M1|EMITIDO (docs/formats/testigo-marks.md).
    /// Never throws on any input.
    /// </summary>
    public static class TestigoMarkDecoder
    {
        public static TestigoMarkDecodeResult Decode(string text)
        {
            if (text == null || text.Length == 0) return TestigoMarkDecodeResult.Failure(TestigoMarkReasons.Empty);
            if (text.Length > TestigoMark.MaxChars) return TestigoMarkDecodeResult.Failure(TestigoMarkReasons.TooLong);

            string[] fields = text.Split('|');
            if (fields[0] != TestigoMark.Tag) return TestigoMarkDecodeResult.Failure(TestigoMarkReasons.UnknownTag);
            if (fields.Length < 2) return TestigoMarkDecodeResult.Failure(TestigoMarkReasons.FieldCount);

            if (fields[1] == TestigoMark.AcceptedWord)
            {
                if (fields.Length != 2) return TestigoMarkDecodeResult.Failure(TestigoMarkReasons.FieldCount);
                return TestigoMarkDecodeResult.Success(TestigoMark.Accepted());
            }
            if (fields[1] != TestigoMark.VoidedWord) return TestigoMarkDecodeResult.Failure(TestigoMarkReasons.UnknownVerdict);
            if (fields.Length != 3) return TestigoMarkDecodeResult.Failure(TestigoMarkReasons.FieldCount);

            VoidReason reason;
            if (!VoidReasonCodes.TryParse(fields[2], out reason))
            {
                return TestigoMarkDecodeResult.Failure(TestigoMarkReasons.UnknownReason);
            }
            return TestigoMarkDecodeResult.Success(TestigoMark.Voided(reason));
        }
    }
}
