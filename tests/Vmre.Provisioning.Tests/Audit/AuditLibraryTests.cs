using Vmre.Audit.Logs;
using Vmre.Common.Logging;
using Vmre.Common.Time;

namespace Vmre.Provisioning.Tests.Audit;

/// <summary>
/// The audit library's own rules (issue 7, point 6), the ones the simulator's demo checks lean on:
/// a device log's chain check says what it found (rules.md R7). The paper recount's rule is in
/// <see cref="PaperRecountTests"/>.
/// </summary>
public sealed class AuditLibraryTests
{
    [Fact]
    public void An_intact_log_verifies_and_a_tampered_one_says_where()
    {
        using var dir = new TempDir();
        var path = dir.File("events.jsonl");
        var clock = new ModuleClock(TimeZoneInfo.Utc, new Vmre.TestSupport.ScriptedTime(() => new DateTimeOffset(2024, 11, 3, 12, 0, 0, TimeSpan.Zero)));
        using (var log = new EventLog(path, "MRV-CHI", clock))
            for (var i = 0; i < 3; i++) log.Append("checkin-lookup");
        Assert.Equal(new LogCheck(true, "3 entries, hash chain verifies"), DeviceLogAudit.Chain(path));

        var lines = File.ReadAllLines(path);
        lines[1] = lines[1].Replace("checkin-lookup", "checkin-activated");
        File.WriteAllLines(path, lines);
        var tampered = DeviceLogAudit.Chain(path);
        Assert.False(tampered.Ok);
        Assert.StartsWith("line 2:", tampered.Finding);
    }
}
