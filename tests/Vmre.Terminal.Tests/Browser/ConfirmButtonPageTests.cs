using Vmre.Firmware.Signals;
using System.Device.Gpio;
using Microsoft.Playwright;
using Vmre.Devices.GpioSignals;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Browser.KioskPage;

namespace Vmre.Terminal.Tests.Browser;

/// <summary>
/// The terminal's physical confirm button (GPIO pin 5, active low, through the simulated driver
/// and the real Iot.Device GpioButton) acts without the page: the page must follow the terminal's
/// state by itself, to the verify screen after the first press and back to idle, with nothing of
/// the vote left, after the second.
/// </summary>
public sealed class ConfirmButtonPageTests
{
    [Fact]
    public async Task The_page_follows_the_physical_button_from_review_to_verify_and_back_to_idle()
    {
        await using var terminal = await OpenTerminal();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Open(browser, terminal);
        await MarkAndReview(page, terminal, "PRD");
        var gpio = terminal.Gpio;

        await Press(gpio, terminal, until: "VoterVerifying");
        await WaitVisible(page, "#verify");
        Assert.Equal("verifyTitle", await Focused(page));
        Assert.Empty(terminal.Parts.Store.SealedVotes());

        await Press(gpio, terminal, until: "Idle");
        await WaitVisible(page, "#idle");
        Assert.Equal(0, await page.Locator("#ballot *, #review *").CountAsync());
        Assert.DoesNotContain("PRD", await page.ContentAsync());
        var paper = PaperReading.Of(terminal.Tray.WaitFor(2)[1]); // one paper, cut after the acceptance mark
        Assert.True(paper.CountsAsVote, paper.Paper.Text);
        Assert.Equal(Assert.Single(terminal.Parts.Vault.OpenAll()), paper.Testigo!.Encode());
        // The terminal says how the session ended, so the page thanks the voter as after an on-screen accept.
        await page.WaitForFunctionAsync("() => document.getElementById('message').textContent.includes('registrado')");
        Assert.DoesNotContain("No se pudo", await page.InnerTextAsync("#message"));
    }

    /// <summary>Press (drive the pin low) until the terminal reaches the state, then release.</summary>
    private static async Task Press(Vmre.HardwareSim.Gpio.SimulatedGpioDriver gpio, LiveTerminal terminal, string until)
    {
        gpio.Drive(TerminalPins.ConfirmButton, PinValue.Low);
        await terminal.WaitForState(s => s.Session == until);
        gpio.Drive(TerminalPins.ConfirmButton, PinValue.High);
        await Task.Delay(100); // let the debounced release register before any next press (not a timing assertion)
    }
}
