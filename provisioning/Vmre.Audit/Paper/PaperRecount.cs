using Vmre.Common.Election;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;

namespace Vmre.Simulator.Election;

/// <summary>
/// The audit's paper recount (brief rule 1, section 2.6): read every paper in the box from its
/// image alone — QR decoded from the PNG, payload decoded by the firmware codecs — set apart every
/// testigo a voiding notice names (docs/formats/voiding-notice.md), and tally the rest.
/// </summary>
public static class PaperRecount
{
    public static TestigoPayload? ReadTestigo(byte[] png) => Testigo(QrImageDecoder.Decode(png));

    public static VoidingNoticePayload? ReadNotice(byte[] png) => Notice(QrImageDecoder.Decode(png));

    private static TestigoPayload? Testigo(string[] qrTexts)
    {
        foreach (var text in qrTexts)
        {
            var decoded = TestigoDecoder.Decode(text);
            if (decoded.Ok) return decoded.Payload;
        }
        return null;
    }

    private static VoidingNoticePayload? Notice(string[] qrTexts)
    {
        foreach (var text in qrTexts)
        {
            var decoded = VoidingNoticeDecoder.Decode(text);
            if (decoded.Ok) return decoded.Payload;
        }
        return null;
    }

    /// <summary>
    /// Papers that read as neither (a testigo torn before its QR printed) are counted as unreadable;
    /// testigos and notices of another election package are set apart, never counted.
    /// </summary>
    public static BoxRecount Recount(ElectionPackage package, string packageHash, string box)
    {
        var election = PackageHash.Short(packageHash);
        var testigos = new List<TestigoPayload>();
        var voided = new HashSet<string>(StringComparer.Ordinal);
        int notices = 0, unreadable = 0, foreign = 0;
        foreach (var file in Directory.Exists(box) ? Directory.GetFiles(box, "*.png") : [])
        {
            // One QR decode per paper (the costly part: every pixel of the image), read as either payload.
            var qrTexts = QrImageDecoder.Decode(File.ReadAllBytes(file));
            if (Testigo(qrTexts) is { } testigo)
            {
                if (testigo.ElectionHashPrefix == election) testigos.Add(testigo); else foreign++;
            }
            else if (Notice(qrTexts) is { } notice)
            {
                if (notice.ElectionHashPrefix != election) { foreign++; continue; }
                notices++;
                voided.Add(notice.TestigoId);
            }
            else unreadable++;
        }
        var tally = new Tally(package);
        var counted = 0;
        foreach (var testigo in testigos.Where(t => !voided.Contains(t.TestigoId)))
        {
            TestigoMarkings.CountInto(tally, testigo);
            counted++;
        }
        var excluded = testigos.Count - counted;
        return new BoxRecount(tally, counted, excluded, notices, voided.Count - excluded, unreadable, foreign);
    }
}

/// <summary>
/// What the box held: testigos counted, testigos excluded because a notice names them, notices,
/// notices naming no readable testigo in the box (their testigo was torn before its QR printed),
/// papers whose QR does not read, and papers of another election.
/// </summary>
public sealed record BoxRecount(Tally Tally, int Counted, int Excluded, int Notices, int NoticesForUnreadTestigos, int Unreadable, int Foreign);
