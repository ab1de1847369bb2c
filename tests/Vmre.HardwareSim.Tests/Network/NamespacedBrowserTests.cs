using System.Net;
using System.Net.Sockets;
using Microsoft.Playwright;
using Vmre.HardwareSim.Network;

namespace Vmre.HardwareSim.Tests.Network;

/// <summary>
/// The browser tests reach a kiosk face from inside its terminal's namespace (issue 8 point 5):
/// Debian's Chromium, launched by Playwright through the namespaced launcher, opens a page that
/// exists only on that namespace's loopback.
/// </summary>
[Collection(LanCollection.Name)]
public sealed class NamespacedBrowserTests
{
    [Fact]
    public async Task Chromium_launched_in_a_terminal_namespace_shows_the_page_on_that_namespace_loopback()
    {
        using var lan = ModuleLan.Create(HostView.NewRunId(), ["t1"]).ValueOrThrow();
        using var t1 = NamespaceConnector.Enter(lan.Namespace("t1")).ValueOrThrow();
        // Held on the host without listening: 127.0.0.1:PORT there refuses, so only t1's loopback can answer.
        using var hostPort = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        hostPort.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)hostPort.LocalEndPoint!).Port;
        using var page = new TinyPage(t1.Listen(new IPEndPoint(IPAddress.Loopback, port)), "kiosk of t1");
        using var dir = new TempDirectory();
        var launcher = lan.BrowserPath("t1", dir.Path).ValueOrThrow();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = launcher,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--no-first-run"],
        });
        var tab = await browser.NewPageAsync();
        await tab.GotoAsync($"http://127.0.0.1:{port}/");

        Assert.Equal("kiosk of t1", await tab.TitleAsync());
    }

    [Fact]
    public void No_launcher_is_written_for_a_namespace_that_does_not_exist()
    {
        using var dir = new TempDirectory();

        var launcher = NamespacedBrowser.ExecutablePath("vmre-" + HostView.NewRunId() + "-t1", dir.Path);

        Assert.False(launcher.IsOk);
        Assert.Empty(Directory.EnumerateFiles(dir.Path));
    }
}
