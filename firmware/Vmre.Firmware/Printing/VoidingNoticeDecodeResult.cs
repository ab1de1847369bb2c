namespace Vmre.Firmware.Printing
{
    /// <summary>Outcome of decoding a voiding notice QR: refusal is a value, never an exception.</summary>
    public sealed class VoidingNoticeDecodeResult
    {
        private VoidingNoticeDecodeResult(bool ok, string reason, VoidingNoticePayload payload)
        {
            Ok = ok;
            Reason = reason;
            Payload = payload;
        }

        public bool Ok { get; private set; }

        /// <summary>One of VoidingNoticeReasons when Ok is false; null when Ok.</summary>
        public string Reason { get; private set; }

        /// <summary>The decoded payload when Ok; null otherwise.</summary>
        public VoidingNoticePayload Payload { get; private set; }

        internal static VoidingNoticeDecodeResult Success(VoidingNoticePayload payload)
        {
            return new VoidingNoticeDecodeResult(true, null, payload);
        }

        internal static VoidingNoticeDecodeResult Failure(string reason)
        {
            return new VoidingNoticeDecodeResult(false, reason, null);
        }
    }
}
