using Microsoft.AspNetCore.Builder;
using System.Net.Http.Json;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.HardwareSim.Printer;
using Vmre.HardwareSim.Tpm;
using Vmre.Terminal.Hosting;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tpm;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// The terminal's real web app on http://127.0.0.1:0, built by TerminalHost.Build on real
/// parts: provisioned in a swtpm through FAPI, the signed election installed, the printer
/// emulator on a pty, SQLite on disk. Only the module server's redemption is the fake.
/// </summary>
public sealed class LiveTerminal : IAsyncDisposable
{
    private readonly TempDir _dir = new();
    private readonly SwtpmInstance _swtpm;
    private WebApplication? _app;

    public LiveTerminal()
    {
        _swtpm = SwtpmInstance.Start(_dir.Sub("swtpm"));
        Printer = new PrinterEmulator(Tray.Add);
        DataDir = _dir.Sub("terminal");
        using (var tpm = new FapiTpm(new FapiConfig(Path.Combine(DataDir, "fapi"), _swtpm.Tcti)))
            Identity = TerminalProvisioning.Provision(DataDir, TestElection.TerminalId, tpm);
        Election.InstallInto(DataDir, Identity.PublicKeyPem);
    }

    public TestElection Election { get; } = new();
    public PaperTray Tray { get; } = new();
    public FakeRedeemer Redeemer { get; } = new();
    public PrinterEmulator Printer { get; }
    public string DataDir { get; }
    public TerminalIdentity Identity { get; }
    public TerminalParts Parts { get; private set; } = null!;
    public string Url { get; private set; } = "";
    public HttpClient Http { get; } = new();

    public async Task Start()
    {
        var options = new TerminalOptions(DataDir, _swtpm.Tcti, null, "http://127.0.0.1:0", null, Printer.SlavePath, null, "sim");
        (_app, Parts) = TerminalHost.Build(options, Redeemer);
        await _app.StartAsync();
        Url = _app.Urls.First().TrimEnd('/');
        Http.BaseAddress = new Uri(Url);
    }

    /// <summary>What the module server does at opening: a zero-report command signed by its key.</summary>
    public async Task<HttpResponseMessage> Command(ModuleCommandKind kind) =>
        await Http.PostAsJsonAsync("/api/module/command", Election.Command(kind, TestElection.NewNonce()), VmreJson.Options);

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        Parts?.Dispose();
        Http.Dispose();
        Printer.Dispose();
        _swtpm.Dispose();
        _dir.Dispose();
    }
}
