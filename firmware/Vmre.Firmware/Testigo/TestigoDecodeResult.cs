namespace Vmre.Firmware.Testigo
{
    /// <summary>Outcome of decoding a testigo QR: refusal is a value, never an exception.</summary>
    public sealed class TestigoDecodeResult
    {
        private TestigoDecodeResult(bool ok, string reason, TestigoPayload payload)
        {
            Ok = ok;
            Reason = reason;
            Payload = payload;
        }

        public bool Ok { get; private set; }

        /// <summary>One of TestigoReasons when Ok is false; null when Ok.</summary>
        public string Reason { get; private set; }

        /// <summary>The decoded payload when Ok; null otherwise.</summary>
        public TestigoPayload Payload { get; private set; }

        internal static TestigoDecodeResult Success(TestigoPayload payload)
        {
            return new TestigoDecodeResult(true, null, payload);
        }

        internal static TestigoDecodeResult Failure(string reason)
        {
            return new TestigoDecodeResult(false, reason, null);
        }
    }
}
