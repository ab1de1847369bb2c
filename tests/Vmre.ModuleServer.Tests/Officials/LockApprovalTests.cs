using Vmre.Common.Logging;
using Vmre.Common.Module;
using Vmre.Common.Officials;
using Vmre.Common.Time;
using Vmre.ModuleServer.Officials;
using Vmre.ModuleServer.Storage;
using Vmre.ModuleServer.Tests.Support;
using Vmre.TestSupport;

namespace Vmre.ModuleServer.Tests.Officials;

/// <summary>
/// Review finding 7: the two approvals that lift the presidente's lock are given for that lock
/// only. No approval while the presidente is not locked; approvals given for a lock that ended
/// (expired, or a right PIN) do not count toward the next one; each is logged as it is given.
/// Real module.db and hash-chained log; only the clock is scripted.
/// </summary>
public sealed class LockApprovalTests : IAsyncLifetime
{
    private TestModule _module = null!;
    private DateTimeOffset _now = new(2026, 6, 7, 15, 0, 0, TimeSpan.Zero);
    private ModuleDatabase _db = null!;
    private EventLog _log = null!;
    private OfficialLockouts _lockouts = null!;
    private LockLifting _lifting = null!;

    private static OfficialIdentity Secretario => new("SEC-01", OfficialRole.Secretario, "SEC-01");
    private static OfficialIdentity Escrutador => new("ESC-01", OfficialRole.Escrutador, "ESC-01");

    public async Task InitializeAsync()
    {
        _module = await TestModule.Prepare(terminals: 0);
        var time = new ScriptedTime(() => _now);
        _db = ModuleDatabase.Open(Path.Combine(_module.Dir, "module.db"));
        _log = new EventLog(Path.Combine(_module.Dir, "events.jsonl"), "MRV-CHI", new ModuleClock(TimeZoneInfo.Utc, time));
        _lockouts = new OfficialLockouts(_db);
        _lifting = new LockLifting(_module.Config(), _lockouts, _log, time);
    }

    public async Task DisposeAsync()
    {
        _log.Dispose();
        await _module.DisposeAsync();
    }

    /// <summary>Three wrong PINs: the presidente locked for a minute from now.</summary>
    private void LockThePresidente() => _lockouts.Save("PRES-01", new PinLockout(3, _now + PinLockout.FirstLock));

    [Fact]
    public void An_approval_while_the_presidente_is_not_locked_is_refused_and_not_kept()
    {
        var early = _lifting.Lift(Secretario, "PRES-01");
        Assert.False(early.IsOk);
        Assert.Contains("PRES-01 is not locked", early.Error);
        LockThePresidente();
        var first = _lifting.Lift(Escrutador, "PRES-01");
        Assert.Equal((false, 1), (first.Value!.Lifted, first.Value.Approvals)); // the early one was not banked
        Assert.True(_lockouts.Of("PRES-01").IsLocked(_now));
        var lines = File.ReadAllLines(Path.Combine(_module.Dir, "events.jsonl"));
        Assert.Contains(lines, l => l.Contains("\"official-unlock-refused\"") && l.Contains("\"SEC-01\"") && l.Contains("not locked"));
        Assert.Single(lines, l => l.Contains("\"official-unlock-approved\""));
    }

    [Fact]
    public void Approvals_for_a_lock_that_expired_do_not_count_toward_the_next_lock()
    {
        LockThePresidente();
        Assert.Equal(1, _lifting.Lift(Secretario, "PRES-01").Value!.Approvals);
        _now += TimeSpan.FromMinutes(2); // the lock ended by itself, well inside the 10-minute window
        LockThePresidente();
        var second = _lifting.Lift(Escrutador, "PRES-01");
        Assert.Equal((false, 1), (second.Value!.Lifted, second.Value.Approvals));
        Assert.True(_lockouts.Of("PRES-01").IsLocked(_now));
    }

    [Fact]
    public void Approvals_for_a_lock_a_right_PIN_ended_do_not_count_toward_the_next_lock()
    {
        LockThePresidente();
        Assert.Equal(1, _lifting.Lift(Secretario, "PRES-01").Value!.Approvals);
        _now += PinLockout.FirstLock + TimeSpan.FromSeconds(1);
        _lockouts.Save("PRES-01", PinLockout.AfterRightPinOrLift()); // what OfficialCardCheck saves on a right PIN
        LockThePresidente();
        var second = _lifting.Lift(Escrutador, "PRES-01");
        Assert.Equal((false, 1), (second.Value!.Lifted, second.Value.Approvals));
        Assert.True(_lockouts.Of("PRES-01").IsLocked(_now));
    }

    [Fact]
    public void Two_officials_approving_the_same_lock_lift_it_and_each_step_is_logged()
    {
        LockThePresidente();
        Assert.False(_lifting.Lift(Secretario, "PRES-01").Value!.Lifted);
        Assert.False(_lifting.Lift(Secretario, "PRES-01").Value!.Lifted); // the same official twice is still one approval
        var lifted = _lifting.Lift(Escrutador, "PRES-01");
        Assert.True(lifted.Value!.Lifted);
        Assert.False(_lockouts.Of("PRES-01").IsLocked(_now));
        var lines = File.ReadAllLines(Path.Combine(_module.Dir, "events.jsonl"));
        Assert.Equal(3, lines.Count(l => l.Contains("\"official-unlock-approved\"")));
        Assert.Contains(lines, l => l.Contains("\"official-lockout-lifted\"") && l.Contains("\"approvedBy\":\"ESC-01,SEC-01\""));
        // The lock is gone, and with it its approvals: a later lock needs two new ones.
        LockThePresidente();
        var next = _lifting.Lift(Escrutador, "PRES-01");
        Assert.Equal((false, 1), (next.Value!.Lifted, next.Value.Approvals));
    }
}
