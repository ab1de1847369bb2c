using Microsoft.Playwright;
using Vmre.Audit.Paper;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Browser;

/// <summary>
/// The ballot page in a real Chromium (Debian's, through Playwright's node driver) against the
/// terminal's real web app: swtpm + FAPI, printer emulator on a pty, SQLite on disk.
/// </summary>
public sealed class BrowserTests
{
    private const double MinTarget = 48; // CSS px ≈ 12.7 mm (rules.md R9)

    private static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
    });

    [Fact]
    public void The_playwright_node_driver_is_in_the_test_output()
    {
        var root = Path.Combine(AppContext.BaseDirectory, ".playwright");
        Assert.True(File.Exists(Path.Combine(root, "package", "cli.js")), $"{root}/package/cli.js missing");
        Assert.True(File.Exists(Path.Combine(root, "node", "linux-x64", "node")), $"{root}/node/linux-x64/node missing");
    }

    [Fact]
    public async Task A_voter_activates_marks_reviews_prints_and_accepts_on_the_ballot_page()
    {
        await using var terminal = new LiveTerminal();
        await terminal.Start();
        var opened = await terminal.Command(Common.Module.ModuleCommandKind.ZeroReport);
        Assert.True(opened.IsOk, opened.Error);
        Assert.Contains("REPORTE DE INICIO", terminal.Tray.WaitFor(1)[0].Text);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1080, Height = 1920 } });
        await page.GotoAsync(terminal.Url + "/");
        await page.FillAsync("#code", terminal.Election.Activation("E05"));
        await page.ClickAsync("#activate");
        await page.Locator("#ballot fieldset[data-contest='GOB-05']").WaitForAsync();
        Assert.Equal(1, terminal.Redeemer.Calls);

        var targets = page.Locator("#ballot button, #ballot input[type=checkbox]");
        Assert.Equal(6, await targets.CountAsync()); // five party boxes and the review button
        foreach (var target in await targets.AllAsync())
        {
            var box = await target.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width >= MinTarget && box.Height >= MinTarget,
                $"{await target.EvaluateAsync<string>("e => e.outerHTML")} is {box.Width}×{box.Height} CSS px");
        }

        await page.CheckAsync("#ballot input[name=party][value=MC]");
        await page.ClickAsync("#toReview");
        await page.Locator("#review").WaitForAsync();
        Assert.Contains("MC: Candidata Gama", await page.InnerTextAsync("#review"));
        foreach (var button in await page.Locator("#review button").AllAsync())
        {
            var box = await button.BoundingBoxAsync();
            Assert.True(box!.Width >= MinTarget && box.Height >= MinTarget);
        }
        await page.ClickAsync("#confirm");
        await page.Locator("#verify").WaitForAsync();
        Assert.Contains("testigo", await page.InnerTextAsync("#verify"));
        Assert.Empty(terminal.Parts.Store.SealedVotes());
        await page.ClickAsync("#accept");
        await page.Locator("#idle").WaitForAsync();
        await page.WaitForFunctionAsync("() => document.getElementById('message').textContent.includes('registrado')");

        var papers = terminal.Tray.WaitFor(2);
        var qr = Assert.Single(QrImageDecoder.Decode(papers[1].Png));
        var testigo = TestigoDecoder.Decode(qr);
        Assert.True(testigo.Ok, testigo.Reason);
        var marks = Assert.Single(testigo.Payload.Contests);
        Assert.Equal(("GOB-05", MarkKind.Parties, "MC"), (marks.ContestId, marks.Kind, string.Join("+", marks.PartyCodes)));
        Assert.Equal(Assert.Single(terminal.Parts.Vault.OpenAll()), qr); // paper and record carry the same text (rules.md R1)
        Assert.True(PaperReading.Of(papers[1]).CountsAsVote, papers[1].Text);
        Assert.Equal(2, terminal.Tray.Settled().Count);
    }
}
