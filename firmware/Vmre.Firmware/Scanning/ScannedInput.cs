using Vmre.Firmware.Activation;
using Vmre.Firmware.Credential;

namespace Vmre.Firmware.Scanning
{
    /// <summary>
    /// Parses what the barcode/MRZ scanner sent, at the boundary, into a domain value: an
    /// activation token or a credential MRZ, or a refusal with a reason. Never throws.
    /// </summary>
    public static class ScannedInput
    {
        /// <summary>Every VMRE QR format starts with this; such a text is judged as an activation.</summary>
        private const string VmrePrefix = "VMRE-";

        public static ScanResult Classify(string text)
        {
            // Scanners end a read with CR, LF or CR LF (a configurable suffix): not part of the data.
            string data = TrimLineEnds(text);
            if (data.Length == 0) return ScanResult.Refused(ScanReasons.Empty);

            ActivationTokenDecodeResult activation = ActivationTokenDecoder.Decode(data);
            if (activation.Ok) return ScanResult.ForActivation(activation.Token);

            // A VMRE tag means an activation code (or another VMRE code scanned by mistake):
            // report the activation decoder's reason. Such a text cannot be an MRZ ('-' and
            // '|' are outside the ICAO 9303 charset), so the MRZ parser need not run.
            if (data.StartsWith(VmrePrefix)) return ScanResult.Refused(ScanReasons.NotRecognized + activation.Reason);

            MrzParseResult mrz = MrzParser.Parse(data);
            if (mrz.Ok) return ScanResult.ForCredential(mrz.Credential);
            return ScanResult.Refused(ScanReasons.NotRecognized + mrz.Reason);
        }

        private static string TrimLineEnds(string text)
        {
            if (text == null) return string.Empty;
            int end = text.Length;
            while (end > 0 && (text[end - 1] == '\r' || text[end - 1] == '\n')) end--;
            return end == text.Length ? text : text.Substring(0, end);
        }
    }
}
