using Vmre.Firmware.Signals;
using System.Device.Gpio;
using System.Text;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Vmre.Devices.GpioSignals;
using Vmre.Terminal.Tests.Support;
using Xunit.Abstractions;
using static Vmre.Terminal.Tests.Browser.KioskPage;

namespace Vmre.Terminal.Tests.Browser;

/// <summary>
/// rules.md R9 on the new screens (the officials' screen, the verify screen with its reject
/// button): axe-core finds nothing serious or critical, every control is at least 48 CSS px, the
/// PIN field has a label, nothing scrolls sideways, in Spanish and English, at 100 and 200 %, in
/// both contrasts; an official works the screen with the keyboard alone.
/// </summary>
[Collection(SerialTimingCollection.Name)] // the official's card is read through the real PN532 binding
public sealed class OfficialScreenAccessibilityTests(ITestOutputHelper output)
{
    private static readonly (string Lang, string Size)[] Readings = [("es", "100"), ("es", "200"), ("en", "100"), ("en", "200")];

    private async Task CheckEveryReading(IPage page, string screen)
    {
        var report = new StringBuilder();
        foreach (var (lang, size) in Readings)
            foreach (var contrast in new[] { "normal", "high" })
            {
                await page.ClickAsync($"#lang-{lang}");
                await page.ClickAsync($"#size-{size}");
                await page.ClickAsync($"#contrast-{contrast}");
                var where = $"{screen}, {lang}, {size}%, {contrast} contrast";
                var result = await page.RunAxe();
                foreach (var v in result.Violations) report.AppendLine($"{where}: {v.Impact} {v.Id}: {v.Help}");
                var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
                Assert.True(bad.Length == 0, $"{where}: " + string.Join("; ", bad.Select(v =>
                    $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
                await AssertTargets(page, where);
                await AssertNoSidewaysScroll(page, where);
            }
        output.WriteLine(report.ToString());
        await page.ClickAsync("#lang-es");
        await page.ClickAsync("#size-100");
        await page.ClickAsync("#contrast-normal");
    }

    [Fact]
    public async Task The_officials_screen_and_the_reject_button_pass_axe_and_48_px_in_both_languages_at_200_percent()
    {
        await using var terminal = await OpenTerminal(withCardReader: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Open(browser, terminal);
        await MarkAndReview(page, terminal, "PAN", "PRI");
        await page.ClickAsync("#confirm");
        await WaitVisible(page, "#verify");
        Assert.True(await page.IsVisibleAsync("#reject"));
        await CheckEveryReading(page, "verify");

        await Interrupt(page, terminal);
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#officialAlerts li').length > 0");
        // The PIN field is labelled, in the page's language.
        Assert.Equal("officialPin", await page.GetByLabel("PIN", new() { Exact = true }).GetAttributeAsync("id"));
        await page.ClickAsync("#lang-en");
        Assert.Equal("End the session without a vote", (await page.InnerTextAsync("#endSession")).Trim());
        Assert.Equal("Fault attended: continue", (await page.InnerTextAsync("#clearFault")).Trim());
        // The warning sign is decoration beside the words: hidden from screen readers.
        Assert.Equal("⚠ An official is needed", (await page.InnerTextAsync("#officialTitle")).Trim());
        Assert.Equal("true", await page.GetAttributeAsync("#officialTitle .icon", "aria-hidden"));
        await page.ClickAsync("#lang-es");
        await CheckEveryReading(page, "officials' screen");
        await page.ScreenshotAsync(new() { Path = TestArtifacts.File(nameof(OfficialScreenAccessibilityTests), "officials-screen.png"), FullPage = true });

        // With a refusal said on the screen too.
        await page.ClickAsync("#clearFault");
        await WaitForMessage(page, "present your official card");
        await CheckEveryReading(page, "officials' screen with a refusal");
    }

    [Fact]
    public async Task An_official_works_the_officials_screen_with_the_keyboard_alone_in_English_at_200_percent()
    {
        await using var terminal = await OpenTerminal(withCardReader: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Open(browser, terminal);
        await Activate(page, terminal);
        await page.CheckAsync("#ballot input[name=party][value=MC]");
        await page.ClickAsync("#lang-en");
        await page.ClickAsync("#size-200");

        await Interrupt(page, terminal);
        // The screen's heading takes the focus; the PIN field, then the two choices, follow in order.
        Assert.Equal("officialTitle", await Focused(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("officialPin", await Focused(page));
        await page.Keyboard.InsertTextAsync(TestElection.PresidentePin);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("endSession", await Focused(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("clearFault", await Focused(page));
        // No card on the reader yet: refused in words, the focus goes back to the PIN field.
        await page.Keyboard.PressAsync("Enter");
        await WaitForMessage(page, "present your official card to the reader");
        Assert.Contains("Not accepted", await page.InnerTextAsync("#message"));
        Assert.Equal("officialPin", await Focused(page));

        // Cover closed, card on the reader, PIN typed again: Shift+Tab and Tab reach the choice.
        await terminal.CloseCover();
        terminal.PresentCard(TestElection.PresidenteCard);
        await page.Keyboard.InsertTextAsync(TestElection.PresidentePin);
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Shift+Tab");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("clearFault", await Focused(page));
        await page.Keyboard.PressAsync(" ");
        await WaitVisible(page, "#ballot");
        Assert.Equal("ballotTitle", await Focused(page));
        Assert.Equal(["MC"], await Checked(page));
        await WaitForMessage(page, "You may continue");
        Assert.Equal("200", await page.GetAttributeAsync("html", "data-size"));
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Selecting", (await State(terminal)).Session);
    }
}
