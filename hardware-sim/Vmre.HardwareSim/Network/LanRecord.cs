using System.Globalization;
using System.Text;
using Vmre.Common.Serialization;

namespace Vmre.HardwareSim.Network;

/// <summary>
/// What one run made, written before it makes anything so a crash at any step leaves a record the
/// next start can sweep (issue 8 point 5). A private, short-lived file in /run (gone at reboot,
/// like the namespaces themselves), not an exchange format:
/// <code>
/// VMRE-LAN1
/// owner PID STARTTICKS
/// subnet N
/// namespace NAME        (one line each)
/// </code>
/// </summary>
public sealed record LanRecord(string RunId, OwnerProcess Owner, int SubnetIndex, IReadOnlyList<string> Namespaces)
{
    public const string Tag = "VMRE-LAN1";
    public const string Extension = ".lan";

    public static string PathFor(string directory, string runId) => Path.Combine(directory, runId + Extension);

    /// <summary>Written whole or not at all (temp file, then rename), so a reader never sees half a record.</summary>
    public void Write(string directory)
    {
        var text = new StringBuilder()
            .Append(Tag).Append('\n')
            .Append(CultureInfo.InvariantCulture, $"owner {Owner.Pid} {Owner.StartTicks}\n")
            .Append(CultureInfo.InvariantCulture, $"subnet {SubnetIndex}\n");
        foreach (var ns in Namespaces) text.Append("namespace ").Append(ns).Append('\n');
        var path = PathFor(directory, RunId);
        var temp = path + ".tmp" + Environment.ProcessId;
        File.WriteAllText(temp, text.ToString());
        File.Move(temp, path, overwrite: true);
    }

    public static Parsed<LanRecord> Read(string path)
    {
        string[] lines;
        try { lines = File.ReadAllLines(path); }
        catch (IOException e) { return Parsed<LanRecord>.Fail($"LAN record {path} unreadable: {e.Message}"); }
        if (lines.Length < 3 || lines[0] != Tag) return Parsed<LanRecord>.Fail($"LAN record {path} is not {Tag}");
        var owner = lines[1].Split(' ');
        var subnet = lines[2].Split(' ');
        if (owner is not ["owner", var pid, var ticks] || subnet is not ["subnet", var n]
            || !int.TryParse(pid, CultureInfo.InvariantCulture, out var p)
            || !long.TryParse(ticks, CultureInfo.InvariantCulture, out var t)
            || !int.TryParse(n, CultureInfo.InvariantCulture, out var index))
            return Parsed<LanRecord>.Fail($"LAN record {path} has no owner or subnet line");
        var runId = Path.GetFileNameWithoutExtension(path);
        var namespaces = new List<string>();
        foreach (var line in lines.Skip(3))
        {
            // Only this run's own names are ever torn down from a record, whatever the file says.
            if (!line.StartsWith($"namespace {LanPlan.Prefix}{runId}-", StringComparison.Ordinal) || line.Contains('/'))
                return Parsed<LanRecord>.Fail($"LAN record {path} names something not its run's: '{line}'");
            namespaces.Add(line["namespace ".Length..]);
        }
        return Parsed<LanRecord>.Ok(new LanRecord(runId, new OwnerProcess(p, t), index, namespaces));
    }

    /// <summary>Every record in the directory, each read or with the reason it could not be.</summary>
    public static IEnumerable<(string Path, Parsed<LanRecord> Record)> All(string directory) =>
        Directory.Exists(directory)
            ? Directory.EnumerateFiles(directory).Where(p => p.EndsWith(Extension, StringComparison.Ordinal)).Order().Select(p => (p, Read(p)))
            : [];
}
