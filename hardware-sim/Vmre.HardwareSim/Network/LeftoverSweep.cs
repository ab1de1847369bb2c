namespace Vmre.HardwareSim.Network;

/// <summary>
/// Removes what dead runs left (issue 8 point 5: torn down also after a crash): every record
/// whose owner is gone has its namespaces torn down and is deleted. Runs whose owner lives are
/// never touched; their records are returned so a new run can avoid their id and subnet.
/// </summary>
public static class LeftoverSweep
{
    public static IReadOnlyList<LanRecord> Run(IpCommand ip, string recordDirectory)
    {
        var live = new List<LanRecord>();
        foreach (var (path, record) in LanRecord.All(recordDirectory))
        {
            // An unreadable record names nothing we may remove; /run empties at reboot.
            if (!record.IsOk) continue;
            if (record.Value!.Owner.IsAlive) { live.Add(record.Value); continue; }
            if (LanTeardown.Remove(ip, record.Value.Namespaces).Count == 0) File.Delete(path);
        }
        return live;
    }
}
