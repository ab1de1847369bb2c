using Microsoft.Playwright;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Browser.KioskPage;

namespace Vmre.Terminal.Tests.Browser;

/// <summary>
/// A jam in the middle of the testigo, seen on the ballot page in a real Chromium: the officials'
/// screen says what happened in words and shows none of the voter's marks (rules.md R3); an
/// official with a card on the (emulated PN532) reader and a PIN (rules.md R8) is refused in words for a
/// wrong PIN and while the printer is still jammed, then clears it; the void mark (ANULADO) prints,
/// the voter finds their marks still checked and votes. Paper and store agree (rules.md R1).
/// </summary>
[Collection(SerialTimingCollection.Name)] // the official's card is read through the real PN532 binding
public sealed class JammedTestigoPageTests
{
    // Four DLE EOT status requests of 3 bytes each go out before the ticket; the jam comes 60
    // bytes into the testigo, so part of it is on paper and a void mark is owed.
    private const int JamInsideTheTestigo = 12 + 60;

    [Fact]
    public async Task A_jam_shows_the_officials_screen_and_after_the_official_clears_it_the_voter_votes_with_the_marks_kept()
    {
        await using var terminal = await OpenTerminal(withCardReader: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Open(browser, terminal);
        await MarkAndReview(page, terminal, "MORENA");

        terminal.Printer.JamAfterBytes(JamInsideTheTestigo);
        await page.ClickAsync("#confirm");
        await WaitVisible(page, "#official");
        Assert.Equal("Interrupted", (await State(terminal)).Session);
        Assert.True(PaperReading.Of(terminal.Tray.WaitFor(2)[1]).Paper.Torn);

        // What happened, in words: the heading, the terminal's message and its alert (no colour-only meaning).
        Assert.Contains("Se necesita un funcionario", await page.InnerTextAsync("#officialTitle"));
        Assert.Contains("NO se registró", await page.InnerTextAsync("#officialState"));
        await page.WaitForFunctionAsync("() => [...document.querySelectorAll('#officialAlerts li')].some(li => li.textContent.includes('a media impresión'))");
        // The voter's marks are not on this screen: nothing visible names the choice.
        Assert.True(await page.IsHiddenAsync("#ballot"));
        Assert.True(await page.IsHiddenAsync("#review"));
        var visible = await page.InnerTextAsync("body");
        Assert.DoesNotContain("MORENA", visible);
        Assert.DoesNotContain("Candidata", visible);
        Assert.Equal(0, await page.Locator("input[name=party]:visible").CountAsync());

        // A wrong PIN: refused in words, still on the officials' screen, PIN field emptied.
        terminal.PresentCard(TestElection.PresidenteCard);
        await page.FillAsync("#officialPin", "0000");
        await page.ClickAsync("#clearFault");
        await WaitForMessage(page, "wrong PIN (1 of 3)");
        Assert.Contains("No se aceptó", await page.InnerTextAsync("#message"));
        Assert.True(await page.IsVisibleAsync("#official"));
        Assert.Equal("", await page.InputValueAsync("#officialPin"));
        Assert.Equal("officialPin", await Focused(page));

        // The right PIN while the printer is still jammed: refused until the printer really prints.
        await page.FillAsync("#officialPin", TestElection.PresidentePin);
        await page.ClickAsync("#clearFault");
        await WaitForMessage(page, "the printer is still not ready");
        Assert.True(await page.IsVisibleAsync("#official"));
        Assert.Equal("Interrupted", (await State(terminal)).Session);

        terminal.Printer.ClearJam();
        await page.FillAsync("#officialPin", TestElection.PresidentePin);
        await page.ClickAsync("#clearFault");
        await WaitVisible(page, "#ballot");
        Assert.Equal(["MORENA"], await Checked(page));
        await WaitForMessage(page, "Puede continuar");
        Assert.Equal("Selecting", (await State(terminal)).Session);
        var voided = PaperReading.Of(terminal.Tray.WaitFor(3)[2]); // the torn testigo's void mark
        Assert.True(voided.Voided, voided.Paper.Text);

        // Confirm again, check the paper, accept: recorded.
        await page.ClickAsync("#toReview");
        await page.Locator("#review button#confirm").WaitForAsync();
        Assert.Contains("MORENA", await page.InnerTextAsync("#review"));
        await page.ClickAsync("#confirm");
        await WaitVisible(page, "#verify");
        await page.ClickAsync("#accept");
        await WaitForMessage(page, "registrado");
        Assert.True(await page.IsVisibleAsync("#idle"));

        var papers = terminal.Tray.WaitFor(4);
        var testigo = PaperReading.Of(papers[3]).Testigo;
        Assert.NotNull(testigo);
        Assert.Equal("MORENA", string.Join("+", Assert.Single(testigo.Contests).PartyCodes));
        Assert.Single(terminal.Parts.Store.SealedVotes());
        Assert.Equal(terminal.Parts.Vault.OpenAll(), PaperReading.CountedPayloads(papers)); // the torn one and the void mark count for nothing
        Assert.Equal(0, terminal.Parts.Vault.Testigos().VoidMarksOwed);
    }
}
