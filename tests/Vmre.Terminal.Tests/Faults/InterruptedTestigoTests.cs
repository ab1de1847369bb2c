using System.Net.Http.Json;
using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Firmware.Printing;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Tpm;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tests.Support;
using Vmre.Devices.Tpm;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// rules.md R6 (issue 9, design section 4): a power cut between printing and sealing leaves
/// testigos in 'printing' or 'printed'; the next start voids them and prints the void mark
/// (ANULADO, reason POWER) on the paper still held at the printer's head before any voter, so
/// none is ever sealed or counted late and the paper still reconciles.
/// </summary>
public sealed class InterruptedTestigoTests
{
    [Fact]
    public async Task A_restart_voids_testigos_that_never_became_votes_logs_how_many_and_prints_their_void_marks()
    {
        await using var terminal = new LiveTerminal();
        using (var opened = MeasuredStore.Open(terminal.Tpm, terminal.ProgramDir, terminal.DataDir))
        {
            var store = opened.Store;
            store.BeginPrinting("0123456789ABCDEF0123");
            store.BeginPrinting("FEDCBA9876543210FEDC");
            store.Printed("FEDCBA9876543210FEDC");
        }

        await terminal.Start();

        Assert.Empty(terminal.Parts.Store.UnfinishedTestigos());
        Assert.Equal(0, terminal.Parts.Vault.Testigos().VoidMarksOwed);
        Assert.Equal(2, terminal.Parts.Store.CountInState("voided"));
        Assert.Empty(terminal.Parts.Store.SealedVotes());
        var marks = PaperReading.All(terminal.Tray.WaitFor(2));
        Assert.All(marks, m => Assert.Equal((true, VoidReason.PowerLoss), (m.Voided, m.VoidedFor)));
        Assert.Equal(Vmre.Firmware.Session.SessionState.Idle, terminal.Parts.Booth.View.State);
        var log = File.ReadAllText(Path.Combine(terminal.DataDir, "events.jsonl"));
        Assert.Contains("\"unfinished-testigos-voided\"", log);
        Assert.Contains("\"count\":\"2\"", log);
        Assert.DoesNotContain("0123456789ABCDEF0123", log); // rules.md R3: ids never logged
    }

    /// <summary>
    /// The real power cut: vmre-terminal runs as its own process on swtpm, the printer emulator's
    /// pty and a stand-in for the module server's redemption; it is SIGKILLed while the voter looks
    /// at a whole testigo, then started again on the same data folder, TPM and printer.
    /// </summary>
    [Fact]
    public async Task A_terminal_killed_while_the_voter_checks_the_testigo_voids_the_held_paper_with_anulado_power_at_the_next_start()
    {
        using var dir = new TempDir();
        using var swtpm = SwtpmInstance.Start(dir.Sub("swtpm"));
        var tray = new PaperTray();
        using var printer = new PrinterEmulator(tray.Add);
        var election = new TestElection();
        var dataDir = dir.Sub("terminal");
        TerminalIdentity identity;
        using (var tpm = new FapiTpm(new FapiConfig(Path.Combine(dataDir, "fapi"), swtpm.Tcti)))
            identity = TerminalProvisioning.Provision(dataDir, TestElection.TerminalId, tpm);
        election.InstallInto(dataDir, identity.PublicKeyPem);
        MeasuredBoot.Seal(election, TerminalProcess.Program, dataDir, swtpm.Tcti); // issue 10 point 1: the launcher measures the real program
        await using var server = await RedemptionStandIn.Start(election, identity.PublicKeyPem);

        using (var first = TerminalProcess.Start(dataDir, swtpm, server.Url, printer.SlavePath))
        {
            await first.WaitUntilServing();
            using var http = new HttpClient { BaseAddress = new Uri(first.Url) };
            var api = new TerminalApiClient(http);
            using var serverIdentity = ServerOnLan.Identity(election);
            using var lan = ServerOnLan.Client(serverIdentity, identity.PublicKeyPem, first.LanUrl);
            var commands = new TerminalApiClient(lan);
            Ok(await commands.Command(election.Command(ModuleCommandKind.ZeroReport, (await commands.Challenge()).ValueOrThrow().Nonce)));
            tray.WaitFor(1); // the zero report
            Ok(await api.Activate(election.Activation("E05")));
            Ok(await api.Select(new SelectionRequest([new ContestSelection("GOB-05", ["MORENA"], null)])));
            Ok(await api.Confirm());
            var state = (await api.State()).ValueOrThrow();
            Assert.Equal("VoterVerifying", state.Session);
            Assert.Single(tray.WaitFor(1)); // the testigo is held on the roll, uncut

            first.Kill(); // the power cut: no shutdown code runs
        }

        using (var second = TerminalProcess.Start(dataDir, swtpm, server.Url, printer.SlavePath))
        {
            await second.WaitUntilServing();
            var voided = PaperReading.Of(tray.WaitFor(2)[1]);
            Assert.Equal((true, VoidReason.PowerLoss), (voided.Voided, voided.VoidedFor));
            Assert.False(voided.CountsAsVote);
            using var http = new HttpClient { BaseAddress = new Uri(second.Url) };
            var state = (await new TerminalApiClient(http).State()).ValueOrThrow();
            Assert.Equal("Idle", state.Session);
            Assert.Contains(state.Alerts!, a => a.Contains("after a power cut"));
            second.Kill();
        }

        using (var opened = MeasuredStore.Open(swtpm, TerminalProcess.Program, dataDir))
        {
            var store = opened.Store;
            Assert.Empty(store.SealedVotes());
            Assert.Empty(store.UnfinishedTestigos());
            Assert.Equal(0, store.Counts().VoidMarksOwed);
            Assert.Equal(1, store.CountInState("voided"));
        }
        // Both terminals are gone: the test asks the printer itself, on the port they printed through.
        using (var port = new SerialReceiptPrinter(printer.SlavePath))
            Assert.Empty(PaperReading.CountedPayloads(tray.Settled(port))); // the paper recount agrees: no vote
        var log = File.ReadAllText(Path.Combine(dataDir, "events.jsonl"));
        Assert.Contains("\"unfinished-testigos-voided\"", log);
        Assert.DoesNotContain("MORENA", log);
        Assert.DoesNotContain("\"event\":\"testigo-printed\"", log);
    }

    private static void Ok<T>(Parsed<T> answer) => Assert.True(answer.IsOk, answer.Error);
}
