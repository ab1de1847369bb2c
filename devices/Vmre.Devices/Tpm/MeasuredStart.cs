using Vmre.Common.Measurement;

namespace Vmre.Devices.Tpm;

/// <summary>
/// The measured start (issue 10 point 1): measure the terminal's program, configuration, module
/// config and election package, write what was measured to <c>&lt;data&gt;/measured-start.json</c>,
/// and extend PCR 13 with the four items in order. Run by vmre-launch before it execs the
/// terminal, and by in-process test harnesses; in production the boot chain does this.
/// </summary>
public static class MeasuredStart
{
    public static IReadOnlyList<MeasuredItem> Run(IDeviceTpm tpm, string programDir, string dataDir)
    {
        if (!Directory.Exists(programDir)) throw new DirectoryNotFoundException($"program folder {programDir} does not exist");
        if (!Directory.Exists(dataDir)) throw new DirectoryNotFoundException($"data folder {dataDir} does not exist");
        var items = MeasurementList.Of(programDir, dataDir);
        // Written first: if extending fails half-way the terminal still finds what this boot
        // measured, and the PCR (which alone decides) is in no state any manifest names.
        MeasuredStartRecord.Of(items).Save(dataDir);
        foreach (var item in items) tpm.PcrExtend(MeasurementList.Pcr, item.Digest());
        return items;
    }
}
