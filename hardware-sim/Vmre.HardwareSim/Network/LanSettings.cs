namespace Vmre.HardwareSim.Network;

/// <summary>
/// Where a module LAN finds `ip` and keeps its records. The defaults are what the simulator uses;
/// tests inject a missing `ip` to see the refusal (issue 8 point 5).
/// </summary>
public sealed record LanSettings(string IpPath = "ip", string RecordDirectory = LanSettings.DefaultRecordDirectory)
{
    /// <summary>tmpfs, root's: emptied at reboot, when every namespace is gone anyway.</summary>
    public const string DefaultRecordDirectory = "/run/vmre-lan";

    public static LanSettings Default { get; } = new();
}
