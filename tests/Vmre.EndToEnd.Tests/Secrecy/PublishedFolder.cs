namespace Vmre.EndToEnd.Tests.Secrecy;

/// <summary>One published file: where it is in the folder, the device its name says, its bytes.</summary>
public sealed record PublishedFile(string RelativePath, string Device, byte[] Bytes);

/// <summary>
/// What a module publishes (issue 9 point 6): the acta (JSON, signed, and as text), every device's
/// event log, seal and NIST export, the terminals' closing records and zero reports, and anything
/// else a later version writes beside them. Never the papers (paper images go only to auditors
/// with custody of the box) and never state/ (keys, votes.db, the LNERE), except the signed
/// closing records and zero reports the server keeps there. Read by file kind, not by format
/// version, so the observer works before and after a format changes.
/// </summary>
public static class PublishedFolder
{
    private static readonly string[] NeverPublished = [".png", ".jpg", ".db", ".db-wal", ".db-shm", ".key", ".pem", ".csv"];

    public static IReadOnlyList<PublishedFile> Read(string outDir)
    {
        var files = new List<PublishedFile>();
        foreach (var path in Directory.EnumerateFiles(outDir, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(outDir, path).Replace('\\', '/');
            if (!IsPublished(relative)) continue;
            files.Add(new PublishedFile(relative, Path.GetFileName(path).Split('.')[0], File.ReadAllBytes(path)));
        }
        return files;
    }

    private static bool IsPublished(string relative)
    {
        if (NeverPublished.Any(e => relative.EndsWith(e, StringComparison.OrdinalIgnoreCase))) return false;
        var top = relative.Split('/')[0];
        if (top == "papers") return false;
        if (top != "state") return true;
        return relative.EndsWith(".json", StringComparison.Ordinal)
            && (relative.Contains("/closing-records/", StringComparison.Ordinal) || relative.Contains("/zero-reports/", StringComparison.Ordinal));
    }
}
