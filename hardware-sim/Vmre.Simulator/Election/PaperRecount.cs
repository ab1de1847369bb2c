using Vmre.Common.Election;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;

namespace Vmre.Simulator.Election;

/// <summary>
/// The audit's paper recount (brief rule 1, section 2.6): read every testigo in the box from
/// its image alone — QR decoded from the PNG, payload decoded by the firmware codec — and tally.
/// </summary>
public static class PaperRecount
{
    public static TestigoPayload? ReadTestigo(byte[] png)
    {
        foreach (var text in QrImageDecoder.Decode(png))
        {
            var decoded = TestigoDecoder.Decode(text);
            if (decoded.Ok) return decoded.Payload;
        }
        return null;
    }

    /// <summary>Testigos that do not read, or that belong to another election package, are set apart, not counted.</summary>
    public static (Tally Tally, int Read, int Unreadable) Count(ElectionPackage package, string packageHash, string box)
    {
        var tally = new Tally(package);
        int read = 0, unreadable = 0;
        foreach (var file in Directory.Exists(box) ? Directory.GetFiles(box, "*.png") : [])
        {
            var payload = ReadTestigo(File.ReadAllBytes(file));
            if (payload is null || payload.ElectionHashPrefix != PackageHash.Short(packageHash)) { unreadable++; continue; }
            TestigoMarkings.CountInto(tally, payload);
            read++;
        }
        return (tally, read, unreadable);
    }
}
