using System.Globalization;

namespace Vmre.HardwareSim.Network;

/// <summary>
/// The process a LAN belongs to: its pid and its start time (field 22 of /proc/PID/stat, clock
/// ticks since boot), so a pid reused by an unrelated process after a crash is not taken for the
/// run that made the LAN (issue 8 point 5: leftovers of dead runs are removed, live ones never).
/// </summary>
public readonly record struct OwnerProcess(int Pid, long StartTicks)
{
    public static OwnerProcess Current => Of(Environment.ProcessId)
        ?? throw new InvalidOperationException("/proc/self/stat is unreadable: the module LAN needs Linux /proc");

    /// <summary>The process with this pid now, or null when there is none.</summary>
    public static OwnerProcess? Of(int pid)
    {
        string stat;
        try { stat = File.ReadAllText($"/proc/{pid}/stat"); }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
        // The command name (field 2) is in parentheses and may hold spaces or ')': fields after
        // the last ')' are plain. Field 3 (state) is the first of them, so field 22 is index 19.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return fields.Length > 19 && long.TryParse(fields[19], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            ? new OwnerProcess(pid, ticks)
            : null;
    }

    /// <summary>True while the same process (same pid, same start) is running.</summary>
    public bool IsAlive => Of(Pid) == this;
}
