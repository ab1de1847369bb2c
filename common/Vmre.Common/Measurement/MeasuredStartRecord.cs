using Vmre.Common.Serialization;

namespace Vmre.Common.Measurement;

/// <summary>
/// What the measured start measured this boot, written by the launcher to
/// <c>&lt;data&gt;/measured-start.json</c> before it extends PCR 13 (docs/formats/measurements.md),
/// so the terminal can say which item differs from its manifest when unsealing is refused. It
/// is a diagnosis only: the TPM's PCR decides, never this file.
/// </summary>
public sealed record MeasuredStartRecord(string Format, int Pcr, IReadOnlyList<MeasuredItem> Items)
{
    public const string FormatV1 = "vmre-measured-start/1";
    public const string FileName = "measured-start.json";

    public static MeasuredStartRecord Of(IReadOnlyList<MeasuredItem> items) => new(FormatV1, MeasurementList.Pcr, items);

    public static string PathIn(string dataDir) => Path.Combine(dataDir, FileName);

    public void Save(string dataDir) => AtomicFile.WriteText(PathIn(dataDir), VmreJson.Text(this, indented: true));

    public static Parsed<MeasuredStartRecord> Load(string dataDir)
    {
        var path = PathIn(dataDir);
        if (!File.Exists(path)) return Parsed<MeasuredStartRecord>.Fail($"no {FileName}");
        var parsed = VmreJson.Parse<MeasuredStartRecord>(File.ReadAllBytes(path));
        return parsed.IsOk && (parsed.Value!.Format != FormatV1 || parsed.Value.Items is null)
            ? Parsed<MeasuredStartRecord>.Fail($"{FileName} is not {FormatV1}")
            : parsed;
    }

    /// <summary>
    /// Each item measured this boot that differs from the manifest's, as "NAME differs from the
    /// manifest (measured X…, manifest Y…)"; empty when the measurements are the manifest's.
    /// </summary>
    public IReadOnlyList<string> Differences(IReadOnlyList<MeasuredItem> manifest)
    {
        var found = new List<string>();
        foreach (var expected in manifest)
        {
            var measured = Items.FirstOrDefault(i => i.Name == expected.Name);
            if (measured is null) found.Add($"{expected.Name} was not measured");
            else if (measured.Sha256 != expected.Sha256)
                found.Add($"{expected.Name} differs from the manifest (measured {Short(measured.Sha256)}…, manifest {Short(expected.Sha256)}…)");
        }
        return found;
    }

    private static string Short(string hex) => hex.Length > 12 ? hex[..12] : hex;
}
