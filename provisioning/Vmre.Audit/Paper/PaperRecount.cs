using Vmre.Common.Election;
using Vmre.Firmware.Printing;
using Vmre.Firmware.Testigo;

namespace Vmre.Audit.Paper;

/// <summary>
/// The audit's paper recount (rules.md R1, section 2.6): read every paper in the box from its
/// image alone — QR decoded from the PNG, payload decoded by the firmware codecs — set apart every
/// testigo a voiding notice names (docs/formats/voiding-notice.md), and tally the rest. One copy,
/// used by the simulator, the tests and the tools (issue 7, point 6).
/// </summary>
public static class PaperRecount
{
    public static TestigoPayload? ReadTestigo(byte[] png) => Read(png).Testigo;

    public static VoidingNoticePayload? ReadNotice(byte[] png) => Read(png).Notice;

    /// <summary>One QR decode per paper (the costly part: every pixel of the image), read as either payload.</summary>
    public static PaperRead Read(byte[] png)
    {
        var qrTexts = QrImageDecoder.Decode(png);
        return new PaperRead(Testigo(qrTexts), Notice(qrTexts));
    }

    /// <summary>
    /// The recount's rule: the testigos no voiding notice names, in order. The ids may repeat a
    /// torn testigo's id read some other way (its printed line); nulls (not a testigo) are skipped.
    /// </summary>
    public static IReadOnlyList<string> Unvoided(IEnumerable<string?> testigoIds, IEnumerable<string?> noticeNames)
    {
        var voided = noticeNames.OfType<string>().ToHashSet(StringComparer.Ordinal);
        return testigoIds.OfType<string>().Where(id => !voided.Contains(id)).Order(StringComparer.Ordinal).ToArray();
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
            var paper = Read(File.ReadAllBytes(file));
            if (paper.Testigo is { } testigo)
            {
                if (testigo.ElectionHashPrefix == election) testigos.Add(testigo); else foreign++;
            }
            else if (paper.Notice is { } notice)
            {
                if (notice.ElectionHashPrefix != election) { foreign++; continue; }
                notices++;
                voided.Add(notice.TestigoId);
            }
            else unreadable++;
        }
        var tally = new Tally(package);
        var counted = 0;
        // VMRE-T2 testigos carry no id, so no V1 notice can name one (issue 9 point 1).
        foreach (var testigo in testigos)
        {
            TestigoMarkings.CountInto(tally, testigo);
            counted++;
        }
        var excluded = testigos.Count - counted;
        return new BoxRecount(tally, counted, excluded, notices, voided.Count - excluded, unreadable, foreign);
    }

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
}
