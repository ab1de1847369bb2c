using Vmre.Audit.Documents;
using Vmre.Audit.Paper;
using Vmre.Common.Closing;
using Vmre.Common.Signing;
using Vmre.Firmware.Printing;
using Vmre.Simulator.Election;

namespace Vmre.EndToEnd.Tests;

/// <summary>
/// The faults of the simulated election day (issue 3), checked from what the run left behind:
/// summary lines, the sealed box read by QR, the signed closing records and the devices' logs.
/// Same run as the rest of <see cref="ModuleElectionTests"/> (one election per class fixture).
/// </summary>
public sealed partial class ModuleElectionTests
{
    private string[] Summary => File.ReadAllLines(Path.Combine(_run.Out, "summary.txt"));

    private void AssertOkLine(string words) =>
        Assert.Contains(Summary, l => l.StartsWith("[ok]   ") && l.Contains(words, StringComparison.Ordinal));

    [Fact]
    public void Each_fault_of_the_day_has_its_ok_line()
    {
        AssertOkLine("a torn testigo came out with its id line and no QR");
        AssertOkLine("the module server's desk shows T-CHI-01 Interrupted with the alert");
        AssertOkLine("presented the presidente's card on T-CHI-01's NFC reader and typed the PIN");
        AssertOkLine("confirmed again with their");
        AssertOkLine("rejected the testigo; the voiding notice (REJECTED) names it");
        AssertOkLine("killed (SIGKILL) with a printed testigo not yet accepted");
        AssertOkLine("cover opened at idle T-CHI-02 (emulator and GPIO 26): out of service");
        AssertOkLine("closed, the secretario's card and PIN cleared it");
        AssertOkLine("of them confirmed and accepted with the physical confirm button");
        Assert.DoesNotContain(Summary, l => l.StartsWith("[FAIL]"));
    }

    [Fact]
    public void Paper_recount_sets_apart_every_testigo_a_notice_names()
    {
        var box = PaperRecount.Recount(LoadPackage(out var hash), hash, Path.Combine(_run.Out, "papers", "testigos"));
        Assert.Equal(20, box.Counted);
        Assert.Equal(2, box.Excluded);        // the rejected and the power-cut testigos, whole on paper
        Assert.Equal(3, box.Notices);
        Assert.Equal(1, box.Unreadable);      // the torn testigo: its QR never printed
        Assert.Equal(1, box.NoticesForUnreadTestigos);
        Assert.Equal(0, box.Foreign);
        var reasons = Directory.GetFiles(Path.Combine(_run.Out, "papers", "testigos"))
            .Select(f => PaperRecount.ReadNotice(File.ReadAllBytes(f))).OfType<VoidingNoticePayload>()
            .Select(n => n.Reason).Order().ToList();
        Assert.Equal([VoidReason.PrinterFault, VoidReason.VoterRejected, VoidReason.PowerLoss], reasons);
        AssertOkLine("acta equals the recount of the paper testigos no voiding notice names");
    }

    [Fact]
    public void Closing_records_count_the_session_the_power_cut_ended()
    {
        var records = new[] { "T-CHI-01", "T-CHI-02" }.Select(id =>
        {
            var key = PublicKey.FromPem(File.ReadAllText(Path.Combine(_run.Out, "state", id, "device-public.pem")));
            var path = Path.Combine(_run.Out, "state", "module-server", "closing-records", id + ".signed.json");
            return SignedDocument.ReadFile(path).Then(d => d.Open<ClosingRecord>(DocumentKinds.ClosingRecord, key)).Value!;
        }).ToList();
        Assert.All(records, r => Assert.Equal(ClosingRecord.FormatV3, r.Format));
        Assert.Equal(1, records.Sum(r => r.SessionsWithoutVote));
        Assert.Equal(3, records.Sum(r => r.TestigosVoided));
        Assert.Equal(20, records.Sum(r => r.VotesSealed));
        Assert.Equal(21, records.Sum(r => r.ActivationsRedeemed));
    }

    [Fact]
    public void Terminal_logs_show_the_button_the_cards_and_the_restart()
    {
        var logs = new[] { "T-CHI-01", "T-CHI-02" }.Select(id => File.ReadAllText(Path.Combine(_run.Out, "logs", id + ".jsonl"))).ToList();
        var all = string.Concat(logs);
        // Each button voter pressed twice (confirm, accept): the firmware's meaning is logged, never the selection.
        Assert.True(CountOf(all, "\"confirm-button\"") >= 8, "the confirm button was not pressed through GPIO");
        Assert.Contains("OF-CHI-01", logs[0]); // the presidente's card cleared the jam at T-CHI-01
        Assert.Contains("OF-CHI-02", logs[1]); // the secretario's card cleared the cover at T-CHI-02
        Assert.Contains("\"sessions-lost-at-restart\"", logs[0]);
        Assert.Contains("\"unfinished-testigos-voided\"", logs[0]);
        Assert.Equal(2, CountOf(logs[0], "\"terminal-started\""));
    }

    private static int CountOf(string text, string what) => (text.Length - text.Replace(what, "").Length) / what.Length;

    private Vmre.Common.Election.ElectionPackage LoadPackage(out string hash)
    {
        var authority = PublicKey.FromPem(File.ReadAllText(Path.Combine(_run.Out, "state", "authority", AuthorityFiles.PublicFile)));
        var (package, packageHash) = ElectionPackageFile
            .Open(Path.Combine(_run.Out, "state", "election-package.signed.json"), authority).ValueOrThrow();
        hash = packageHash;
        return package;
    }
}
