using Vmre.Audit.Paper;
using Vmre.Firmware.Printing;

namespace Vmre.Simulator.Election;

/// <summary>
/// The sealed box's papers, each read once from its image as the recount reads it (the costly
/// part), in file-name (random) order: nothing in the order tells when a paper was printed
/// (rules.md R3).
/// </summary>
public static class BoxPapers
{
    public static IReadOnlyList<(string Path, PaperRead Read)> Read(ModuleRig rig) =>
        (Directory.Exists(rig.Tray.TestigoBox) ? Directory.GetFiles(rig.Tray.TestigoBox, "*.png") : [])
            .Order(StringComparer.Ordinal)
            .Select(f => (f, PaperRecount.Against(PaperRecount.Read(File.ReadAllBytes(f)), rig.Package, rig.PackageHash)))
            .ToList();

    /// <summary>
    /// One counted testigo, or one voided testigo — preferably one the voter rejected, a whole
    /// testigo under the band — as a path under the demo folder; null when the box holds none.
    /// </summary>
    public static string? Example(ModuleRig rig, IReadOnlyList<(string Path, PaperRead Read)> papers, bool counted)
    {
        var found = counted
            ? papers.FirstOrDefault(p => p.Read.Verdict == PaperVerdict.Counted)
            : papers.Where(p => p.Read.Verdict == PaperVerdict.Voided).OrderBy(p => p.Read.Void == VoidReason.VoterRejected ? 0 : 1).FirstOrDefault();
        return found.Path is null ? null : Path.GetRelativePath(rig.Options.OutDir, found.Path);
    }
}
