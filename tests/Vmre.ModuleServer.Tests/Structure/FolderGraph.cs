using System.Text.RegularExpressions;

namespace Vmre.ModuleServer.Tests.Structure;

/// <summary>
/// Which folders of module-server/Vmre.ModuleServer each folder's source files use, read from the
/// text: <c>using Vmre.ModuleServer.X;</c> lines and names qualified as <c>Vmre.ModuleServer.X.</c>.
/// Files at the project root (Program.cs) are the entry point and belong to no folder.
/// </summary>
public sealed record FolderGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> Uses)
{
    private static readonly Regex Reference = new(@"\bVmre\.ModuleServer\.([A-Za-z]+)\b", RegexOptions.Compiled);

    public static FolderGraph Read(string projectDir)
    {
        var uses = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(projectDir, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(projectDir, file).Split(Path.DirectorySeparatorChar);
            if (relative.Length < 2 || relative[0] is "bin" or "obj") continue;
            var folder = relative[0];
            if (!uses.TryGetValue(folder, out var set)) uses[folder] = set = new(StringComparer.Ordinal);
            foreach (var line in File.ReadLines(file))
            {
                // The file's own namespace line names its folder, not a use.
                if (line.TrimStart().StartsWith("namespace ", StringComparison.Ordinal)) continue;
                foreach (Match m in Reference.Matches(line))
                    if (m.Groups[1].Value != folder) set.Add(m.Groups[1].Value);
            }
        }
        return new FolderGraph(uses.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value, StringComparer.Ordinal));
    }

    /// <summary>A cycle as the folders along it (first repeated at the end), or null when there is none.</summary>
    public IReadOnlyList<string>? Cycle()
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in Uses.Keys.Order(StringComparer.Ordinal))
            if (Walk(start, done, path) is { } cycle) return cycle;
        return null;
    }

    private IReadOnlyList<string>? Walk(string folder, HashSet<string> done, List<string> path)
    {
        var at = path.IndexOf(folder);
        if (at >= 0) return [.. path[at..], folder];
        if (done.Contains(folder)) return null;
        path.Add(folder);
        foreach (var used in Uses.GetValueOrDefault(folder, new HashSet<string>()).Order(StringComparer.Ordinal))
            if (Walk(used, done, path) is { } cycle) return cycle;
        path.RemoveAt(path.Count - 1);
        done.Add(folder);
        return null;
    }
}
