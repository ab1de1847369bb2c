using System.Text.Json;
using Vmre.Audit.Paper;
using Vmre.Common.Acta;
using Vmre.Common.Serialization;
using Vmre.Firmware.Testigo;
using Vmre.Simulator.Election;
using Xunit.Abstractions;

namespace Vmre.EndToEnd.Tests;

/// <summary>
/// The demo scenario as a test: one whole simulated module election on real parts (separate
/// processes, swtpm, ptys, SQLite, Kestrel), then the artifacts checked as an auditor would.
/// </summary>
[Collection(SimulatedModuleCollection.Name)]
public sealed partial class ModuleElectionTests(ITestOutputHelper output, ModuleElectionTests.Run run) : IClassFixture<ModuleElectionTests.Run>
{
    public sealed class Run : IAsyncLifetime
    {
        public string Out { get; } = Path.Combine(Path.GetTempPath(), "vmre-e2e-" + Guid.NewGuid().ToString("N")[..8]);
        public bool Passed { get; private set; }
        public List<string> Said { get; } = [];

        public async Task InitializeAsync() =>
            Passed = await ModuleElection.Run(new SimulationOptions(Out, Voters: 21), line => { lock (Said) Said.Add(line); });

        public Task DisposeAsync()
        {
            if (Passed) Directory.Delete(Out, recursive: true);
            return Task.CompletedTask;
        }
    }

    private readonly Run _run = run;

    [Fact]
    public void Every_check_of_the_election_day_holds()
    {
        output.WriteLine(File.ReadAllText(Path.Combine(_run.Out, "summary.txt")));
        Assert.True(_run.Passed, "the simulated election failed; see summary.txt above");
        Assert.Contains("result: PASS", File.ReadAllText(Path.Combine(_run.Out, "summary.txt")));
    }

    [Fact]
    public void Acta_counts_every_vote_and_is_signed()
    {
        var acta = JsonSerializer.Deserialize<Acta>(File.ReadAllText(Path.Combine(_run.Out, "acta.json")), VmreJson.Options)!;
        // 21 voters checked in; the power cut took one vote before it was accepted (rules.md R6).
        Assert.Equal(20, acta.Contests.Sum(c => c.Total));
        Assert.True(acta.Reconciliation.Reconciled);
        Assert.Equal(21, acta.Reconciliation.ActivationsRedeemed);
        Assert.Equal(20, acta.Reconciliation.VotesSealed);
        Assert.Equal(3, acta.Reconciliation.TestigosVoided);
        Assert.Contains(acta.Reconciliation.Discrepancies, d => d.StartsWith("1 voting sessions ended without a vote"));
        Assert.True(File.Exists(Path.Combine(_run.Out, "acta.signed.json")));
        // Brief section 2: the acta reports coalition combinations, write-ins and null votes.
        var keys = acta.Contests.SelectMany(c => c.Lines.Where(l => l.Votes > 0).Select(l => l.Key)).ToList();
        Assert.Contains(keys, k => k.Contains('+'));
        Assert.Contains("CNR", keys);
        Assert.Contains("NULO", keys);
    }

    [Fact]
    public void Every_device_log_is_sealed()
    {
        // rules.md R5 and R7: the server and both terminals sealed their logs (checked in summary.txt).
        foreach (var device in new[] { "MRV-CHI", "T-CHI-01", "T-CHI-02" })
            Assert.True(File.Exists(Path.Combine(_run.Out, "logs", device + ".seal.json")), $"no seal for {device}");
        Assert.Equal(3, File.ReadAllLines(Path.Combine(_run.Out, "summary.txt")).Count(l => l.StartsWith("[ok]   ") && l.Contains(" log seal: signed by key ")));
    }

    [Fact]
    public void Every_paper_is_there_as_an_image()
    {
        var papers = Path.Combine(_run.Out, "papers");
        Assert.Equal(2, Directory.GetFiles(Path.Combine(papers, "zero-reports"), "*.png").Length);
        Assert.Equal(2, Directory.GetFiles(Path.Combine(papers, "closing-records"), "*.png").Length);
        Assert.Single(Directory.GetFiles(Path.Combine(papers, "acta"), "*.png"));
        // The box: 20 accepted testigos, the rejected and the power-cut testigos whole, the jammed one
        // torn, and the three voiding notices.
        Assert.Equal(26, Directory.GetFiles(Path.Combine(papers, "testigos"), "*.png").Length);
    }

    [Fact]
    public void Testigo_box_reveals_no_cast_order()
    {
        // rules.md R3: file names are content hashes and every file has the same time.
        var files = Directory.GetFiles(Path.Combine(_run.Out, "papers", "testigos"));
        Assert.Single(files.Select(File.GetLastWriteTimeUtc).Distinct());
        Assert.All(files, f => Assert.Matches("^[0-9a-f]{16}\\.png$", Path.GetFileName(f)));
    }

    [Fact]
    public void Logs_hold_no_selection_no_testigo_id_and_no_voter()
    {
        var logs = Directory.GetFiles(Path.Combine(_run.Out, "logs"), "*.jsonl").Select(File.ReadAllText).ToList();
        Assert.Equal(4, logs.Count);
        var papers = Directory.GetFiles(Path.Combine(_run.Out, "papers", "testigos")).Select(File.ReadAllBytes).ToList();
        var testigoIds = papers.Select(PaperRecount.ReadTestigo).OfType<TestigoPayload>().Select(t => t.Encode())
            .Concat(papers.Select(PaperRecount.ReadNotice).OfType<Vmre.Firmware.Printing.VoidingNoticePayload>().Select(n => n.TestigoId))
            .Distinct().ToList();
        Assert.Equal(23, testigoIds.Count); // 22 whole testigos and the torn one, named by its notice
        var claves = File.ReadLines(Path.Combine(_run.Out, "state", "lnere.csv")).Skip(1).Select(l => l.Split(',')[0]).ToHashSet();
        foreach (var log in logs)
        {
            Assert.DoesNotContain(testigoIds, log.Contains);
            Assert.DoesNotContain("VMRE-T1|", log);
            Assert.DoesNotContain("VMRE-A2|", log);
            Assert.DoesNotContain(claves, log.Contains);
        }
    }
}
