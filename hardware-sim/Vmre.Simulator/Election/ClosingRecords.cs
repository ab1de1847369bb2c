using Vmre.Common.Closing;
using Vmre.Common.Signing;

namespace Vmre.Simulator.Election;

/// <summary>
/// The terminals' closing records as the module server kept them (module-server data folder,
/// closing-records/ID.signed.json), each opened with its terminal's key from the signed module
/// config: what an auditor compares the paper with (rules.md R5, section 2.6).
/// </summary>
public static class ClosingRecords
{
    public static IReadOnlyList<ClosingRecord> Read(ModuleRig rig)
    {
        var keys = Artifacts.DeviceKeys(rig);
        if (!keys.IsOk) throw new SimulationFailure("closing records not read: " + keys.Error);
        return rig.Terminals.Select(t =>
        {
            var path = Path.Combine(rig.ServerDir, "closing-records", t.Id + ".signed.json");
            var record = SignedDocument.ReadFile(path).Then(d => d.Open<ClosingRecord>(DocumentKinds.ClosingRecord, keys.Value![t.Id]));
            return record.IsOk ? record.Value! : throw new SimulationFailure($"closing record of {t.Id}: {record.Error}");
        }).ToList();
    }
}
