using Vmre.Devices.ReceiptPrinter;
using Vmre.Common.Protocol;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Closing;

/// <summary>
/// Review, rules.md R6 and R7: a serial port that fails while the acta prints must not turn
/// closing into a 500 that skips the log seal; it is logged as "not printed" like paper out.
/// </summary>
public class ActaPrinterFailureTests
{
    private sealed class BrokenPort : IReceiptPrinter
    {
        public PrinterCondition Status() => throw new IOException("port gone");
        public PrintOutcome Print(byte[] escPos) => throw new IOException("port gone");
        public void Dispose() { }
    }

    [Fact]
    public async Task A_failing_printer_port_at_closing_still_seals_the_log()
    {
        await using var module = await TestModule.Prepare();
        var built = Vmre.ModuleServer.Hosting.ModuleServerApp.Build(module.Options() with { Printer = new BrokenPort() });
        Assert.True(built.IsOk, built.Error);
        await using var app = built.Value!;
        await app.StartAsync();
        using var http = new HttpClient { BaseAddress = new Uri(app.KioskUrl) };
        var presidente = await TestModule.SignedInClient(http, module.Cards["PRES-01"]);

        Assert.True((await presidente.OpenPolls()).IsOk);
        Assert.True((await presidente.ClosePolls()).IsOk);
        Assert.True(File.Exists(Path.Combine(module.Dir, "events.seal.json")));
        Assert.Contains(module.LogLines(), l => l.Contains("\"acta-not-printed\"") && l.Contains("port gone"));
        await app.StopAsync();
    }
}
