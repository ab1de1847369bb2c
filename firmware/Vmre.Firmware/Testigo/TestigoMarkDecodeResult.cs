namespace Vmre.Firmware.Testigo
{
    /// <summary>Outcome of decoding a mark barcode: refusal is a value, never an exception.</summary>
    public sealed class TestigoMarkDecodeResult
    {
        private TestigoMarkDecodeResult(bool ok, string reason, TestigoMark mark)
        {
            Ok = ok;
            Reason = reason;
            Mark = mark;
        }

        public bool Ok { get; private set; }

        /// <summary>One of TestigoMarkReasons when Ok is false; null when Ok.</summary>
        public string Reason { get; private set; }

        /// <summary>The decoded mark when Ok; null otherwise.</summary>
        public TestigoMark Mark { get; private set; }

        internal static TestigoMarkDecodeResult Success(TestigoMark mark)
        {
            return new TestigoMarkDecodeResult(true, null, mark);
        }

        internal static TestigoMarkDecodeResult Failure(string reason)
        {
            return new TestigoMarkDecodeResult(false, reason, null);
        }
    }
}
