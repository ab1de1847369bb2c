namespace Vmre.Firmware.Printing
{
    /// <summary>
    /// Strict decoder of the retired voiding notice format v1. Kept only so the paper recount
    /// can recognise a V1 notice and refuse it by name (VoidingNoticeReasons.Retired; issue 9
    /// point 5); nothing prints V1 any more. Never throws on any input.
    /// </summary>
    public static class VoidingNoticeDecoder
    {
        public static VoidingNoticeDecodeResult Decode(string text)
        {
            if (text == null || text.Length == 0) return VoidingNoticeDecodeResult.Failure(VoidingNoticeReasons.Empty);
            if (text.Length > VoidingNoticePayload.MaxChars) return VoidingNoticeDecodeResult.Failure(VoidingNoticeReasons.TooLong);

            string[] fields = text.Split('|');
            if (fields[0] != VoidingNoticePayload.Tag) return VoidingNoticeDecodeResult.Failure(VoidingNoticeReasons.UnknownTag);
            if (fields.Length != 4) return VoidingNoticeDecodeResult.Failure(VoidingNoticeReasons.FieldCount);
            string idsReason = VoidingNoticePayload.CheckIds(fields[1], fields[2]);
            if (idsReason != null) return VoidingNoticeDecodeResult.Failure(idsReason);

            VoidReason reason;
            if (!VoidReasonCodes.TryParse(fields[3], out reason))
            {
                return VoidingNoticeDecodeResult.Failure(VoidingNoticeReasons.UnknownReason);
            }
            return VoidingNoticeDecodeResult.Success(new VoidingNoticePayload(fields[1], fields[2], reason));
        }
    }
}
