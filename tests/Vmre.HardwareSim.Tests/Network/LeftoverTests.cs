using System.Runtime.InteropServices;
using Vmre.HardwareSim.Network;

namespace Vmre.HardwareSim.Tests.Network;

/// <summary>
/// Torn down also after a crash (issue 8 point 5): a run SIGKILLed with its LAN up leaves it, and
/// the next start of any run removes it, processes inside included.
/// </summary>
[Collection(LanCollection.Name)]
public sealed class LeftoverTests
{
    [Fact]
    public void A_LAN_left_by_a_killed_run_is_removed_by_the_next_start()
    {
        var deadRun = HostView.NewRunId();
        var record = LanRecord.PathFor(LanSettings.DefaultRecordDirectory, deadRun);
        int sleeper;
        using (var run = ChildProcess.Start(null, "make-lan", deadRun, "srv", "t1"))
        {
            sleeper = int.Parse(run.WaitForLine("sleeper ")["sleeper ".Length..]);
            run.WaitForLine("ready");
            run.Kill();
        }
        try
        {
            // The crash left everything: its namespaces, its record, the part still running inside.
            Assert.Equal(3, HostView.NamespacesOf(deadRun).Count);
            Assert.True(File.Exists(record));
            Assert.True(HostView.IsRunning(sleeper));

            using var next = ModuleLan.Create(HostView.NewRunId(), ["srv"]).ValueOrThrow();

            Assert.Empty(HostView.NamespacesOf(deadRun));
            Assert.False(File.Exists(record));
            Assert.False(HostView.IsRunning(sleeper));
        }
        finally
        {
            LeftoverSweep.Run(new IpCommand(), LanSettings.DefaultRecordDirectory);
        }
    }

    [Theory]
    [InlineData(PosixSignal.SIGINT)]
    [InlineData(PosixSignal.SIGTERM)]
    public void A_run_stopped_by_a_signal_removes_its_LAN_itself_before_it_ends(PosixSignal signal)
    {
        var run = HostView.NewRunId();
        var record = LanRecord.PathFor(LanSettings.DefaultRecordDirectory, run);
        using var child = ChildProcess.Start(null, "make-lan", run, "srv", "t1");
        var sleeper = int.Parse(child.WaitForLine("sleeper ")["sleeper ".Length..]);
        child.WaitForLine("ready");
        Assert.Equal(3, HostView.NamespacesOf(run).Count);

        var ended = child.Signal(signal, TimeSpan.FromSeconds(60));

        // Nothing else swept in between: the run's own handler did it (no other start ran).
        Assert.True(ended, $"the run did not end at {signal}");
        Assert.Empty(HostView.NamespacesOf(run));
        Assert.False(File.Exists(record));
        Assert.False(HostView.IsRunning(sleeper));
    }

    [Fact]
    public void A_record_whose_pid_now_belongs_to_another_process_is_a_dead_run()
    {
        using var dir = new TempDirectory();
        var (r1, r2) = (HostView.NewRunId(), HostView.NewRunId());
        var me = OwnerProcess.Current;
        new LanRecord(r1, me with { StartTicks = me.StartTicks + 1 }, 9, [$"vmre-{r1}-srv", $"vmre-{r1}-lan"]).Write(dir.Path);
        new LanRecord(r2, me, 10, [$"vmre-{r2}-srv", $"vmre-{r2}-lan"]).Write(dir.Path);

        var live = LeftoverSweep.Run(new IpCommand(), dir.Path);

        Assert.Equal([r2], live.Select(r => r.RunId));
        Assert.False(File.Exists(LanRecord.PathFor(dir.Path, r1)));
        Assert.True(File.Exists(LanRecord.PathFor(dir.Path, r2)));
    }

    [Fact]
    public void A_record_naming_anything_but_its_own_runs_namespaces_is_never_acted_on()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(LanRecord.PathFor(dir.Path, "r1"), $"{LanRecord.Tag}\nowner 1 1\nsubnet 3\nnamespace vmre-r2-srv\n");

        var read = LanRecord.Read(LanRecord.PathFor(dir.Path, "r1"));

        Assert.False(read.IsOk);
        Assert.Contains("not its run's", read.Error);
    }
}
