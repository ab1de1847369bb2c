using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Vmre.EndToEnd.Tests;

/// <summary>
/// Issue 8 points 5 and 6, checked from the run's summary.txt: the module ran on a real module LAN
/// (a network namespace per part, joined by a bridge), the LAN intruder's every attempt was refused
/// (and logged by its target where a peer existed to log), and nothing of the LAN is left afterwards.
/// </summary>
public sealed partial class ModuleElectionTests
{
    private string[] IntruderLines => [.. Summary.Where(l => l.StartsWith('[') && l.Contains("LAN intruder", StringComparison.Ordinal))];

    [Fact]
    public void The_summary_names_each_part_namespace_and_its_address_on_the_module_LAN()
    {
        var prefix = RunNamespacePrefix();
        foreach (var (part, what) in new[] { ("srv", "module server MRV-CHI"), ("t1", "terminal T-CHI-01"), ("t2", "terminal T-CHI-02"), ("x", "the LAN intruder") })
            Assert.Contains(Summary, l => Regex.IsMatch(l, $"^  {Regex.Escape(prefix + part)}  10\\.231\\.\\d+\\.\\d+  {Regex.Escape(what)}"));
        // The kiosk faces were on each namespace's own loopback, the LAN faces on the bridge.
        Assert.Contains(Summary, l => l.Contains("terminal T-CHI-01 and its swtpm: kiosk face http://127.0.0.1:") && l.Contains("LAN face https://10.231."));
    }

    [Fact]
    public void Every_attempt_of_the_LAN_intruder_has_its_ok_line()
    {
        output.WriteLine(string.Join('\n', IntruderLines));
        Assert.All(IntruderLines, l => Assert.StartsWith("[ok]   ", l));
        foreach (var attempt in new[]
        {
            "reading the voter's selection (GET /api/review", "reading the voter's selection on the kiosk port",
            "changing the voter's selection to MORENA", "confirming the selection for the voter", "accepting the testigo for the voter",
            "cancelling the voter's session (POST /api/cancel", "rejecting the voter's testigo",
            "cancelling the voter's session with a self-made certificate naming the module server",
            "replaying the zero-report command captured at opening, over a connection holding a valid server identity",
            "replaying the captured command with no certificate", "sending a signed close for another election package",
            "connecting to the module server as an unpaired terminal", "posing as the module server",
            "speaking plain HTTP to the module server MRV-CHI's LAN face", "speaking plain HTTP to T-CHI-01's LAN face",
            "speaking plain HTTP to T-CHI-02's LAN face", "after the LAN intruder's attempts the voter at",
        })
            AssertOkLine(attempt);
    }

    [Fact]
    public void Each_refusal_the_intruder_met_at_a_TLS_face_or_the_command_desk_is_in_the_targets_log()
    {
        var handshakes = IntruderLines.Where(l => l.Contains("refused at the TLS handshake;")).ToList();
        Assert.True(handshakes.Count >= 9, $"only {handshakes.Count} handshake refusals");
        Assert.All(handshakes, l => Assert.Matches(" logged lan-peer-refused: \"[^\"]+\"", l));
        Assert.Equal(2, IntruderLines.Count(l => l.Contains("T-CHI-01 logged module-command-refused: \"")));
        Assert.Contains(IntruderLines, l => l.Contains("module-command-refused: \"replayed command:"));
        Assert.Contains(IntruderLines, l => l.Contains("module-command-refused: \"command is for election package "));
        var terminalLog = File.ReadAllText(Path.Combine(_run.Out, "logs", "T-CHI-01.jsonl"));
        Assert.Contains("\"lan-peer-refused\"", terminalLog);
        Assert.Contains("\"module-command-refused\"", terminalLog);
        Assert.Contains("\"lan-peer-refused\"", File.ReadAllText(Path.Combine(_run.Out, "logs", "MRV-CHI.jsonl")));
    }

    [Fact]
    public void No_namespace_of_the_run_is_left_after_it()
    {
        var prefix = RunNamespacePrefix();
        // Only this run's: other runs (a demo, another test assembly) may be alive on the same machine.
        Assert.DoesNotContain(ListedNamespaces(), n => n.StartsWith(prefix, StringComparison.Ordinal));
        AssertOkLine($"module LAN torn down: `ip netns list` names no {prefix}* namespace after the run");
    }

    /// <summary>"vmre-RUN-", read from the summary's "(bridge in vmre-RUN-lan)".</summary>
    private string RunNamespacePrefix()
    {
        var bridge = Summary.Select(l => Regex.Match(l, @"\(bridge in (vmre-[a-z0-9]+-)lan\)")).First(m => m.Success);
        return bridge.Groups[1].Value;
    }

    internal static List<string> ListedNamespaces()
    {
        using var ip = Process.Start(new ProcessStartInfo("ip", ["netns", "list"]) { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = ip.StandardOutput.ReadToEnd();
        ip.WaitForExit();
        Assert.Equal(0, ip.ExitCode);
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[0])];
    }
}
