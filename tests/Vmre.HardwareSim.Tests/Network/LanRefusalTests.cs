using System.Runtime.Versioning;
using Vmre.HardwareSim.Network;

namespace Vmre.HardwareSim.Tests.Network;

/// <summary>
/// Where namespaces can't be made, the LAN is refused with that exact reason and nothing is left
/// behind; there is no host-network fallback to take (issue 8 point 5).
/// </summary>
[Collection(LanCollection.Name)]
public sealed class LanRefusalTests
{
    [Fact]
    public void Without_the_ip_command_the_LAN_is_refused_saying_where_it_was_looked_for()
    {
        using var records = new TempDirectory();

        var lan = ModuleLan.Create(HostView.NewRunId(), ["srv", "t1"], new LanSettings("/nonexistent/sbin/ip", records.Path));

        Assert.False(lan.IsOk);
        Assert.Contains("the `ip` command (iproute2) was not found at '/nonexistent/sbin/ip'", lan.Error);
        Assert.Empty(Directory.EnumerateFiles(records.Path));
    }

    [Fact, SupportedOSPlatform("linux")]
    public void A_process_that_is_not_root_is_refused_with_that_reason_and_makes_nothing()
    {
        var runId = HostView.NewRunId();
        using var copy = new TempDirectory();
        using var nobody = ChildProcess.StartAsNobody(copy, "make-lan", runId, "srv", "t1");

        var answer = nobody.WaitForLine("failed ");

        Assert.Contains("network namespaces need root, and this process runs as uid 65534", answer);
        Assert.Empty(HostView.NamespacesOf(runId));
        Assert.False(File.Exists(LanRecord.PathFor(LanSettings.DefaultRecordDirectory, runId)));
    }

    [Fact, SupportedOSPlatform("linux")]
    public void Where_the_kernel_refuses_a_namespace_the_LAN_is_refused_with_ips_own_words_and_nothing_stays()
    {
        using var dir = new TempDirectory();
        // An `ip` standing in for one inside a container without CAP_SYS_ADMIN: it answers -V and
        // refuses every namespace the way iproute2 does there.
        var ip = Path.Combine(dir.Path, "ip");
        File.WriteAllText(ip, """
            #!/bin/sh
            case "$1 $2" in
              "-V "*) echo "ip utility, iproute2-6.1.0"; exit 0 ;;
              "netns add") echo "mount --make-shared /run/netns failed: Operation not permitted" >&2; exit 1 ;;
              *) echo "Cannot open network namespace \"$3\": No such file or directory" >&2; exit 1 ;;
            esac
            """);
        File.SetUnixFileMode(ip, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        var records = Directory.CreateDirectory(Path.Combine(dir.Path, "records")).FullName;

        var lan = ModuleLan.Create(HostView.NewRunId(), ["srv"], new LanSettings(ip, records));

        Assert.False(lan.IsOk);
        Assert.Contains("network namespaces can't be made here", lan.Error);
        Assert.Contains("Operation not permitted", lan.Error);
        Assert.Contains("never falls back to the host network", lan.Error);
        Assert.Empty(Directory.EnumerateFiles(records));
    }
}
