using System.Text.RegularExpressions;
using Vmre.Common.Module;
using Vmre.Common.Protocol;
using Vmre.Common.Signing;
using Vmre.HardwareSim.Tpm;
using Vmre.ModuleServer.Consoles;
using Vmre.ModuleServer.Hosting;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Consoles;

/// <summary>
/// Issue 8 points 1-2 end to end on a real TPM: the console is provisioned and run from the
/// command line with its device key inside a swtpm, paired by the public key it wrote, and a
/// desk official signs in and looks a voter up through the console's own kiosk face.
/// </summary>
public sealed class TpmConsoleTests
{
    [Fact]
    public async Task A_console_whose_key_is_in_a_swtpm_is_provisioned_paired_and_serves_the_desk()
    {
        using var dir = new TempDir();
        using var swtpm = SwtpmInstance.Start(dir.Sub("swtpm"));
        var data = dir.Sub("console");
        var output = new StringWriter();
        var error = new StringWriter();
        var provisioned = await Vmre.Cli.CommandLineProgram.RunAsync(CommandLine.Create(ModuleServerRun.Serve),
            ["console", "provision", "--data", data, "--tcti", swtpm.Tcti, "--console-id", "DESK-01"], output, error);
        Assert.True(provisioned == 0, error.ToString());
        var pem = File.ReadAllText(Path.Combine(data, ConsoleOptions.PublicKeyFile));

        await using var module = await TestModule.Prepare();
        module.Sign(DocumentKinds.ModuleConfig, module.Config() with { Consoles = [new ConsoleEntry("DESK-01", ConsoleRole.Desk, pem)] },
            "module-config.signed.json");
        await module.Start();
        await module.OpenPolls();
        var serverKey = dir.File("server-public.pem");
        File.WriteAllText(serverKey, module.ServerKey.PublicKeyPem);

        using var stop = new CancellationTokenSource();
        var said = new WatchedWriter();
        var run = Task.Run(() => ConsoleRun.Serve(new ConsoleOptions(data, "DESK-01", module.App!.LanUrl, serverKey, "http://127.0.0.1:0")
            { Tcti = swtpm.Tcti }, said, error, stop.Token));
        try
        {
            await said.WaitFor("/desk/ (loopback only)", TimeSpan.FromSeconds(60));
            var kioskUrl = Regex.Match(said.Text, @"desk page on (http://\S+)/desk/").Groups[1].Value;
            using var kiosk = new HttpClient { BaseAddress = new Uri(kioskUrl) };
            var lookup = (await (await TestModule.SignedInClient(kiosk, module.Cards["SEC-01"]))
                .LookUp(new CheckInLookupRequest(null, TestElection.Voters[2].Clave))).ValueOrThrow();
            Assert.Equal(CheckInOutcome.Eligible, lookup.Outcome);
            Assert.DoesNotContain(module.LogLines(), l => l.Contains("\"lan-peer-refused\""));
        }
        finally
        {
            stop.Cancel();
            Assert.Equal(0, await run);
        }
        // Provisioning again would orphan the pairing: refused.
        Assert.Equal(1, await Vmre.Cli.CommandLineProgram.RunAsync(CommandLine.Create(ModuleServerRun.Serve),
            ["console", "provision", "--data", data, "--tcti", swtpm.Tcti, "--console-id", "DESK-01"], output, error));
    }
}
