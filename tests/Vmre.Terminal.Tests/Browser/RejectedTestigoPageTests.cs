using Microsoft.Playwright;
using Vmre.Firmware.Printing;
using Vmre.Terminal.Tests.Support;
using static Vmre.Terminal.Tests.Browser.KioskPage;

namespace Vmre.Terminal.Tests.Browser;

/// <summary>
/// The voter says the printed testigo does not match (the reject button on the verify screen): the
/// void mark (ANULADO, reason REJECTED) prints over the same paper, the page goes back to the ballot
/// with the marks as they were and says so; the voter changes a mark and votes. The recount leaves
/// the rejected testigo out (rules.md R1; issue 9, design section 4).
/// </summary>
public sealed class RejectedTestigoPageTests
{
    [Fact]
    public async Task Rejecting_the_testigo_voids_it_and_the_voter_corrects_a_mark_and_votes()
    {
        await using var terminal = await OpenTerminal();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await Open(browser, terminal);
        await MarkAndReview(page, terminal, "PAN");
        await page.ClickAsync("#confirm");
        await WaitVisible(page, "#verify");

        await page.ClickAsync("#reject");
        await WaitVisible(page, "#ballot");
        await WaitForMessage(page, "anulado");
        Assert.Contains("ANULADO", await page.InnerTextAsync("#message"));
        Assert.Equal(["PAN"], await Checked(page));
        Assert.Equal("ballotTitle", await Focused(page));
        Assert.Equal("Selecting", (await State(terminal)).Session);
        var rejected = PaperReading.Of(terminal.Tray.WaitFor(2)[1]); // one paper: the testigo and its void mark
        Assert.True(rejected.ShowsTestigo);
        Assert.Equal((true, VoidReason.VoterRejected), (rejected.Voided, rejected.VoidedFor));

        // The voter changes the mark, reviews, confirms and accepts.
        await page.UncheckAsync("#ballot input[name=party][value=PAN]");
        await page.CheckAsync("#ballot input[name=party][value=MC]");
        await page.ClickAsync("#toReview");
        await page.Locator("#review button#confirm").WaitForAsync();
        Assert.Contains("MC: Candidata Gama", await page.InnerTextAsync("#review"));
        await page.ClickAsync("#confirm");
        await WaitVisible(page, "#verify");
        await page.ClickAsync("#accept");
        await WaitForMessage(page, "registrado");

        var papers = terminal.Tray.WaitFor(3);
        var accepted = PaperReading.Of(papers[2]).Testigo;
        Assert.NotNull(accepted);
        Assert.Equal("MC", string.Join("+", Assert.Single(accepted.Contests).PartyCodes));
        Assert.Single(terminal.Parts.Store.SealedVotes());
        Assert.Equal(terminal.Parts.Vault.OpenAll(), PaperReading.CountedPayloads(papers));
    }
}
