using System.Net.Sockets;
using System.Text;
using Vmre.HardwareSim.Network;

namespace Vmre.HardwareSim.Tests.Network;

/// <summary>
/// The module LAN on real namespaces (issue 8 point 5): parts reach each other over the bridge
/// through processes started inside them, and Dispose leaves nothing a person would see.
/// </summary>
[Collection(LanCollection.Name)]
public sealed class ModuleLanTests
{
    [Fact]
    public async Task A_process_started_in_one_part_is_reached_from_another_part_over_the_bridge()
    {
        using var lan = ModuleLan.Create(HostView.NewRunId(), ["srv", "t1"]).ValueOrThrow();
        using var listener = ChildProcess.Start(lan.Namespace("srv"), "listen", "0.0.0.0", "7100");
        listener.WaitForLine("listening");
        // `ip netns exec` became the listener itself: the pid held is the one inside the namespace.
        Assert.Equal(lan.Namespace("srv"), HostView.Run("netns", "identify", listener.Pid.ToString()).Trim());

        using var t1 = lan.Connector("t1").ValueOrThrow();
        using var socket = await t1.ConnectAsync(lan.Address("srv").ToString(), 7100);
        var greeting = await ReadLine(socket);

        Assert.Equal($"hello from {listener.Pid}", greeting);
    }

    [Fact]
    public void Each_part_has_one_address_on_the_run_subnet_and_no_route_beyond_it()
    {
        using var lan = ModuleLan.Create(HostView.NewRunId(), ["srv", "t1", "x"]).ValueOrThrow();

        var prefix = lan.Subnet[..^"0/24".Length];
        Assert.Equal(["srv", "t1", "x"], lan.Parts);
        Assert.Equal([prefix + "1", prefix + "2", prefix + "3"], lan.Parts.Select(p => lan.Address(p).ToString()));
        foreach (var part in lan.Parts)
        {
            var addresses = HostView.Run("-n", lan.Namespace(part), "-4", "-o", "addr", "show");
            Assert.Contains($"inet {lan.Address(part)}/24", addresses);
            Assert.Contains("inet 127.0.0.1/8", addresses); // its own lo is up
            var routes = HostView.Run("-n", lan.Namespace(part), "-4", "route", "show").Trim();
            Assert.Equal($"{lan.Subnet} dev {LanPlan.PartDevice} proto kernel scope link src {lan.Address(part)}", routes);
        }
        Assert.DoesNotContain(prefix, HostView.Run("-4", "-o", "addr", "show"));
    }

    [Fact]
    public void Dispose_leaves_no_namespace_link_record_or_process_of_the_run()
    {
        var runId = HostView.NewRunId();
        var lan = ModuleLan.Create(runId, ["srv", "t1", "t2", "x"]).ValueOrThrow();
        var record = LanRecord.PathFor(LanSettings.DefaultRecordDirectory, runId);
        using var straggler = System.Diagnostics.Process.Start(lan.StartInfo("t2", "sleep", ["infinity"]))!;
        Assert.Equal(5, HostView.NamespacesOf(runId).Count);
        Assert.True(File.Exists(record));
        // The host's own namespace never holds a device of the LAN, even while it runs.
        Assert.DoesNotContain(HostView.HostLinks(), l => l.StartsWith("p-", StringComparison.Ordinal) || l == LanPlan.PartDevice);

        lan.Dispose();

        Assert.Empty(HostView.NamespacesOf(runId));
        Assert.DoesNotContain(HostView.HostLinks(), l => l.StartsWith("p-", StringComparison.Ordinal) || l == LanPlan.PartDevice);
        Assert.False(File.Exists(record));
        Assert.True(straggler.WaitForExit(TimeSpan.FromSeconds(20)), "the process left in t2 was not ended");
    }

    [Fact]
    public void A_second_LAN_with_a_live_run_id_is_refused_and_the_first_is_untouched()
    {
        var runId = HostView.NewRunId();
        using var first = ModuleLan.Create(runId, ["srv"]).ValueOrThrow();

        var second = ModuleLan.Create(runId, ["srv", "t1"]);

        Assert.False(second.IsOk);
        Assert.Contains("still alive", second.Error);
        Assert.Equal([first.BridgeNamespace, first.Namespace("srv")], HostView.NamespacesOf(runId).Order());
    }

    [Theory]
    [InlineData("Run1", "srv", "run id")]
    [InlineData("r1", "lan", "bridge")]
    [InlineData("r1", "1srv", "part name")]
    [InlineData("r1", "averyveryverylongname", "part name")]
    public void Names_that_would_not_make_a_LAN_are_refused_before_anything_is_made(string runId, string part, string reason)
    {
        var lan = ModuleLan.Create(runId, [part]);

        Assert.False(lan.IsOk);
        Assert.Contains(reason, lan.Error);
        Assert.Empty(HostView.NamespacesOf(runId.ToLowerInvariant()));
    }

    private static async Task<string> ReadLine(Socket socket)
    {
        var text = new StringBuilder();
        var buffer = new byte[256];
        int n;
        while ((n = await socket.ReceiveAsync(buffer)) > 0) text.Append(Encoding.ASCII.GetString(buffer, 0, n));
        return text.ToString().TrimEnd('\n');
    }
}
