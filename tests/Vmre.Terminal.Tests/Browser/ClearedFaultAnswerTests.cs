using Vmre.Firmware.Signals;
using System.Device.Gpio;
using Microsoft.Playwright;
using Vmre.Devices.GpioSignals;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Browser.KioskPage;

namespace Vmre.Terminal.Tests.Browser;

/// <summary>
/// The page polls the terminal's state while the official's clear is on its way back. The
/// terminal is already at Selecting before the page has the answer; a poll acting on that state
/// used to take the officials' screen for a finished session and wipe the voter's marks. Here the
/// answer is held back (Playwright routing) for more than two polls, so the window is certain
/// rather than a matter of luck; the marks must survive it.
/// </summary>
[Collection(SerialTimingCollection.Name)] // the official's card is read through the real PN532 binding
public sealed class ClearedFaultAnswerTests
{
    [Fact]
    public async Task The_state_poll_waits_for_the_clears_answer_and_the_marks_survive()
    {
        await using var terminal = await OpenTerminal(withCardReader: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Open(browser, terminal);
        await Activate(page, terminal);
        await page.CheckAsync("#ballot input[name=party][value=MC]");

        await Interrupt(page, terminal);
        await terminal.CloseCover();
        terminal.PresentCard(TestElection.PresidenteCard);

        var release = new TaskCompletionSource();
        await page.RouteAsync("**/api/official/clear", async route =>
        {
            var answer = await route.FetchAsync(); // the terminal clears the fault now
            await release.Task;                    // the page hears of it only when the test says so
            await route.FulfillAsync(new() { Response = answer });
        });
        await page.FillAsync("#officialPin", TestElection.PresidentePin);
        await page.ClickAsync("#clearFault");
        await terminal.WaitForState(s => s.Session == "Selecting");
        // Two and a half poll periods of the page's own clock with the answer still held back.
        await page.EvaluateAsync("() => new Promise(done => setTimeout(done, 2500))");
        Assert.Equal(["MC"], await Checked(page));
        Assert.True(await page.IsVisibleAsync("#official"));

        release.SetResult();
        await WaitVisible(page, "#ballot");
        Assert.Equal(["MC"], await Checked(page));
        await WaitForMessage(page, "Puede continuar");
    }
}
