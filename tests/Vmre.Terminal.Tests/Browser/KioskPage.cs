using Vmre.Common.Protocol;
using Vmre.Firmware.Signals;
using System.Device.Gpio;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Vmre.Common.Serialization;
using Vmre.Devices.GpioSignals;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Browser;

/// <summary>
/// The ballot page as the kiosk shows it: Debian's Chromium through Playwright (never a downloaded
/// browser), at the terminal's 1280 × 800 screen, on a real terminal with its polls open. Waits are
/// for conditions with generous bounds; nothing here measures time.
/// </summary>
public static class KioskPage
{
    public const double MinTarget = 48; // CSS px ≈ 12.7 mm (rules.md R9)
    public const string Style = "E05", Contest = "GOB-05";

    public static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
    });

    /// <summary>A started terminal whose polls the module server opened (zero report printed).</summary>
    public static async Task<LiveTerminal> OpenTerminal(bool withCardReader = false)
    {
        var terminal = new LiveTerminal(withCardReader);
        await terminal.Start();
        var opened = await terminal.Command(Common.Module.ModuleCommandKind.ZeroReport);
        Assert.True(opened.IsOk, opened.Error);
        terminal.Tray.WaitFor(1);
        return terminal;
    }

    /// <summary>The page, with the voter's inactivity warning far away unless a test asks for it.</summary>
    public static async Task<IPage> Open(IBrowser browser, LiveTerminal terminal, string query = "?idleWarn=600")
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync(terminal.Url + "/" + query);
        return page;
    }

    public static async Task Activate(IPage page, LiveTerminal terminal)
    {
        await page.FillAsync("#code", terminal.Election.Activation(Style));
        await page.ClickAsync("#activate");
        await page.Locator($"#ballot fieldset[data-contest='{Contest}']").WaitForAsync();
    }

    /// <summary>Activate, mark these parties and reach the review step.</summary>
    public static async Task MarkAndReview(IPage page, LiveTerminal terminal, params string[] parties)
    {
        await Activate(page, terminal);
        foreach (var party in parties) await page.CheckAsync($"#ballot input[name=party][value={party}]");
        await page.ClickAsync("#toReview");
        await page.Locator("#review button#confirm").WaitForAsync();
    }

    public static Task<string[]> Checked(IPage page) =>
        page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#ballot input[name=party]:checked')].map(i => i.value)");

    public static Task<string> Focused(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.id || (e.name + '=' + e.value); }");

    public static Task WaitVisible(IPage page, string selector) =>
        page.Locator(selector).WaitForAsync(new() { State = WaitForSelectorState.Visible });

    /// <summary>The cover opened mid-session (GPIO pin 26): the session is interrupted and the officials' screen shows.</summary>
    public static async Task Interrupt(IPage page, LiveTerminal terminal)
    {
        terminal.Gpio.Drive(TerminalPins.CoverSwitch, PinValue.High);
        await WaitVisible(page, "#official");
    }

    /// <summary>The status line holds this text (its words, whatever else it says).</summary>
    public static Task WaitForMessage(IPage page, string text) =>
        page.WaitForFunctionAsync("t => document.getElementById('message').textContent.includes(t)", text);

    /// <summary>GET /api/state, as the officials' panel reads it.</summary>
    public static async Task<Common.Protocol.TerminalState> State(LiveTerminal terminal) =>
        (await terminal.Http.GetFromJsonAsync<Common.Protocol.TerminalState>(TerminalRoutes.State, VmreJson.Options))!;

    public static async Task AssertTargets(IPage page, string where)
    {
        var controls = page.Locator("button:visible, input:visible");
        Assert.True(await controls.CountAsync() > 0, where + ": no controls");
        foreach (var control in await controls.AllAsync())
        {
            var box = await control.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width >= MinTarget && box.Height >= MinTarget,
                $"{where}: {await control.EvaluateAsync<string>("e => e.outerHTML")} is {box.Width}×{box.Height} CSS px");
        }
    }

    public static async Task AssertNoSidewaysScroll(IPage page, string where)
    {
        var scroll = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var client = await page.EvaluateAsync<int>("() => document.documentElement.clientWidth");
        Assert.True(scroll <= client, $"{where}: the page is {scroll} CSS px wide in a {client} px viewport");
    }
}
