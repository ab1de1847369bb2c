using Microsoft.Data.Sqlite;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Devices.Tpm;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Tpm;
using Vmre.Simulator.Processes;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Setup;

/// <summary>
/// Issue 10 point 5: `./vmre verify-store DIR` (vmre-sim's <see cref="OfflineStoreCheck"/>) on the
/// folder a real terminal process left: its swtpm state powered on afresh, the real launcher measuring
/// the real program folder, `vmre-terminal verify-store` unsealing and verifying. Whole after a run
/// with a sealed vote; one byte of a slot changed afterwards is named as a finding.
/// </summary>
public sealed class VerifyStoreTests
{
    [Fact]
    public async Task The_offline_check_passes_on_the_store_a_run_left_and_names_a_slot_changed_afterwards()
    {
        using var dir = new TempDir();
        var state = dir.Sub("tpm-T-CHI-01");
        var dataDir = dir.Sub("T-CHI-01");
        var election = new TestElection();
        var tray = new PaperTray();
        using (var swtpm = SwtpmInstance.Start(state))
        using (var printer = new PrinterEmulator(tray.Add))
        {
            TerminalIdentity identity;
            using (var tpm = new FapiTpm(FapiConfig.In(dataDir, swtpm.Tcti)))
                identity = TerminalProvisioning.Provision(dataDir, TestElection.TerminalId, tpm);
            election.InstallInto(dataDir, identity.PublicKeyPem);
            MeasuredBoot.Seal(election, TerminalProcess.Program, dataDir, swtpm.Tcti);
            await using var server = await RedemptionStandIn.Start(election, identity.PublicKeyPem);
            using var terminal = TerminalProcess.Start(dataDir, swtpm, server.Url, printer.SlavePath);
            await terminal.WaitUntilServing();
            await CastOneVote(election, identity, terminal, tray);
        } // the terminal is cut, its swtpm stopped: what is left is the folder and the TPM state

        var layout = RepositoryLayout.Locate();
        var whole = OfflineStoreCheck.Run(layout, dataDir); // the TPM state beside the folder, as the demo keeps it
        Assert.True(whole.Exit == 0, whole.Output);
        Assert.Contains("store whole", whole.Output);

        ChangeOneByteOfASlot(Path.Combine(dataDir, VerifyStore.StoreFile));
        var altered = OfflineStoreCheck.Run(layout, dataDir, state);
        Assert.True(altered.Exit == VerifyStore.NotWhole, altered.Output);
        Assert.Contains("finding row-altered", altered.Output);
    }

    /// <summary>
    /// Only the measured start releases the store's keys: `verify-store` run beside a running terminal
    /// (its PCR 13 closed by that terminal's unseal) is refused with the reason and reads nothing; with
    /// no store in the folder it says so.
    /// </summary>
    [Fact]
    public async Task Verify_store_started_after_the_terminal_is_refused_with_the_reason()
    {
        await using var terminal = new LiveTerminal();
        await terminal.Start();
        var late = VerifyStoreCommandLine("verify-store", "--data", terminal.DataDir, "--tcti", terminal.Tpm.Tcti);
        Assert.True(late.Exit == 1, late.Out + late.Err);
        Assert.Contains("the store's keys were not released: PCR 13 is closed", late.Err);
        Assert.DoesNotContain("store whole", late.Out);

        using var empty = new TempDir();
        var none = VerifyStoreCommandLine("verify-store", "--data", empty.Path, "--tcti", terminal.Tpm.Tcti);
        Assert.Equal((1, true), (none.Exit, none.Err.Contains("no vote store at")));
    }

    private static (int Exit, string Out, string Err) VerifyStoreCommandLine(params string[] argv)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = Vmre.Cli.CommandLineProgram.Run(TerminalCommandLine.Create(TerminalHost.Provision, TerminalHost.Run, SealingCommands.Seal, SealingCommands.Reseal), argv, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Zero report, activation, selection, confirmation, acceptance: one vote sealed in the store.</summary>
    private static async Task CastOneVote(TestElection election, TerminalIdentity identity, TerminalProcess terminal, PaperTray tray)
    {
        using var http = new HttpClient { BaseAddress = new Uri(terminal.Url) };
        var api = new TerminalApiClient(http);
        using var serverIdentity = ServerOnLan.Identity(election);
        using var lan = ServerOnLan.Client(serverIdentity, identity.PublicKeyPem, terminal.LanUrl);
        var commands = new TerminalApiClient(lan);
        Ok(await commands.Command(election.Command(ModuleCommandKind.ZeroReport, (await commands.Challenge()).ValueOrThrow().Nonce)));
        tray.WaitFor(1);
        Ok(await api.Activate(election.Activation("E05")));
        Ok(await api.Select(new SelectionRequest([new ContestSelection("GOB-05", ["MORENA"], null)])));
        Ok(await api.Confirm());
        Ok(await api.Accept());
        tray.WaitFor(2);
    }

    /// <summary>What an attacker with the file and SQLite does: one byte of one slot's body flipped, its length kept.</summary>
    private static void ChangeOneByteOfASlot(string path)
    {
        using var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        db.Open();
        using var read = db.CreateCommand();
        read.CommandText = "SELECT body FROM slots WHERE idx = 0";
        var body = (byte[])read.ExecuteScalar()!;
        body[body.Length / 2] ^= 0x01;
        using var write = db.CreateCommand();
        write.CommandText = "UPDATE slots SET body = $b WHERE idx = 0";
        write.Parameters.AddWithValue("$b", body);
        Assert.Equal(1, write.ExecuteNonQuery());
    }

    private static void Ok<T>(Parsed<T> answer) => Assert.True(answer.IsOk, answer.Error);
}
