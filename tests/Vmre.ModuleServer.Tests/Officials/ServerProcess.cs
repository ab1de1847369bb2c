using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.HardwareSim.Nfc;
using Vmre.HardwareSim.Tpm;
using Vmre.ModuleServer.Tests.Support;
using Vmre.ModuleServer.Tpm;

namespace Vmre.ModuleServer.Tests.Officials;

/// <summary>
/// The module server as its own process (the built vmre-module-server), as at a consulate: its key
/// in a real swtpm, its desk card reader a PN532 emulator on a pty with the officials' VMRE-K2
/// smart cards (SimulatedSmartCard, personalised with PINs here), the config signed with their
/// public keys. For the issue 11 point 7 regression tests.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly SwtpmInstance _swtpm;
    private readonly Process _process;

    private ServerProcess(TestModule module, SwtpmInstance swtpm, Pn532Emulator desk, Dictionary<string, SimulatedSmartCard> cards, Process process, HttpClient http)
    {
        Module = module;
        _swtpm = swtpm;
        Desk = desk;
        Cards = cards;
        _process = process;
        Http = http;
    }

    public TestModule Module { get; }
    public Pn532Emulator Desk { get; }
    public Dictionary<string, SimulatedSmartCard> Cards { get; }
    /// <summary>The server's kiosk face (the desk's own screen).</summary>
    public HttpClient Http { get; }

    public static async Task<ServerProcess> Start()
    {
        var module = await TestModule.Prepare();
        var swtpm = SwtpmInstance.Start(Path.Combine(module.Dir, "swtpm"));
        Assert.Equal(0, ServerProvisioning.Run(module.Dir, swtpm.Tcti, Path.Combine(module.Dir, "authority.pub.pem"), TextWriter.Null, TextWriter.Null));
        module.UseTpm(swtpm.Tcti, File.ReadAllText(Path.Combine(module.Dir, ServerTpm.PublicFile)));
        // Issue 11 point 1: each official's card is personalised with their PIN; the config lists only its public key.
        var cards = TestModule.Officials.ToDictionary(o => o.Credential, o => SimulatedSmartCard.Personalise(o.Credential, TestModule.Pin));
        module.Sign(Vmre.Common.Signing.DocumentKinds.ModuleConfig, module.Config() with
        {
            Officials = TestModule.Officials.Select(o => new OfficialEntry(o.Credential, o.Role, o.Credential, cards[o.Credential].PublicKeyPem)).ToArray(),
        }, "module-config.signed.json");

        var desk = new Pn532Emulator();
        var kiosk = $"http://127.0.0.1:{FreePort()}";
        var args = new List<string> { Program(), "run", "--data", module.Dir, "--tcti", swtpm.Tcti, "--kiosk", kiosk,
            "--lan", $"https://127.0.0.1:{FreePort()}", "--desk-reader", desk.SlavePath };
        foreach (var t in module.Terminals) args.AddRange(["--terminal", $"{t.Id}={t.Url}"]);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var http = new HttpClient { BaseAddress = new Uri(kiosk) };
        var up = await Eventually.Holds(() =>
        {
            try { return !process.HasExited && http.GetAsync(Vmre.Common.Protocol.ServerRoutes.Status).Result.IsSuccessStatusCode; }
            catch (Exception) { return false; }
        }, TimeSpan.FromSeconds(90));
        var server = new ServerProcess(module, swtpm, desk, cards, process, http);
        if (!up)
        {
            await server.DisposeAsync();
            Assert.Fail("the module server process did not start");
        }
        return server;
    }

    /// <summary>Every file the server wrote or reads in its data folder, module.db and the log included.</summary>
    public IEnumerable<string> DataFiles() => Directory.EnumerateFiles(Module.Dir, "*", SearchOption.AllDirectories);

    private static string Program() => Path.Combine(AppContext.BaseDirectory, "vmre-module-server.dll");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Http.Dispose();
        Desk.Dispose();
        foreach (var card in Cards.Values) card.Dispose();
        _swtpm.Dispose();
        await Module.DisposeAsync();
    }
}
