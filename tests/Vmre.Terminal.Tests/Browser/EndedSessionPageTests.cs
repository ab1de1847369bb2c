using Vmre.Terminal.Votes;
using Microsoft.Playwright;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Browser.KioskPage;

namespace Vmre.Terminal.Tests.Browser;

/// <summary>
/// The voter cannot wait for the printer: the official ends the interrupted session from the
/// officials' screen. The page returns to the idle screen and nothing of the voter's marks is
/// left anywhere in its DOM for the next voter (rules.md R3), hidden parts included.
/// </summary>
[Collection(SerialTimingCollection.Name)] // the official's card is read through the real PN532 binding
public sealed class EndedSessionPageTests
{
    // The ballot's words for this voter's marks: none may stay in the page.
    private static readonly string[] Traces = ["MORENA", "Candidata", "Gubernatura", KioskPage.Contest];

    [Fact]
    public async Task An_official_ends_an_interrupted_session_and_nothing_of_the_marks_stays_in_the_page()
    {
        await using var terminal = await OpenTerminal(withCardReader: true);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Open(browser, terminal);
        await MarkAndReview(page, terminal, "MORENA");
        Assert.Contains("MORENA", await page.ContentAsync()); // the traces are there before

        terminal.Printer.PaperOut(); // not ready before the ticket: no testigo, the session interrupted
        await page.ClickAsync("#confirm");
        await WaitVisible(page, "#official");
        Assert.Equal("Interrupted", (await State(terminal)).Session);
        Assert.True(await page.IsVisibleAsync("#endSession"));

        // The official loads a roll (an idle terminal without paper would go out of service) and,
        // the voter having left, ends the session rather than clearing it.
        terminal.Printer.PaperLoaded();
        terminal.PresentCard(TestElection.PresidenteCard);
        await page.FillAsync("#officialPin", TestElection.PresidentePin);
        await page.ClickAsync("#endSession");
        await WaitVisible(page, "#idle");
        await WaitForMessage(page, "terminó sin voto");
        Assert.Equal("Idle", (await State(terminal)).Session);

        var dom = await page.ContentAsync();
        foreach (var trace in Traces) Assert.DoesNotContain(trace, dom);
        Assert.Equal(0, await page.Locator("#ballot *, #review *").CountAsync());
        Assert.Equal(0, await page.Locator("input[name=party], input[name=writein]").CountAsync());
        Assert.Equal("", await page.InputValueAsync("#officialPin"));
        Assert.Empty(terminal.Parts.Store.SealedVotes());
        Assert.Equal(1, terminal.Parts.Store.Counter(Vmre.Terminal.Votes.VoteVault.SessionsAbandoned));

        // The next voter starts on a fresh ballot, with nothing checked.
        await Activate(page, terminal);
        Assert.Empty(await Checked(page));
    }
}
