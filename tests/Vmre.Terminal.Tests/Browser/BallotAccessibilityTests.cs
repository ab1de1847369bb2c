using Vmre.Common.Protocol;
using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Vmre.Audit.Paper;
using Vmre.Firmware.Testigo;
using Vmre.HardwareSim.Printer;
using Vmre.Terminal.Tests.Support;
using Xunit.Abstractions;

namespace Vmre.Terminal.Tests.Browser;

/// <summary>
/// rules.md R9 on the real ballot page, in a real Chromium, against the terminal's real web app
/// (swtpm, printer emulator, SQLite; only the module server's redemption is the fake): language,
/// four text sizes and high contrast keep the voter's marks; a keyboard-only vote; the inactivity
/// warning; 48 CSS px targets at every size with no sideways scrolling; axe-core finds nothing
/// serious or critical.
/// </summary>
public sealed class BallotAccessibilityTests(ITestOutputHelper output)
{
    /// <summary>Screenshots and the axe report, for a person to look at, in the test run's artifacts folder.</summary>
    private static string Artifact(string name) => TestArtifacts.File(nameof(BallotAccessibilityTests), name);

    private const double MinTarget = 48; // CSS px ≈ 12.7 mm
    private static readonly string[] Sizes = ["100", "125", "150", "200"];

    private static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
    });

    private static async Task<LiveTerminal> OpenTerminal()
    {
        var terminal = new LiveTerminal();
        await terminal.Start();
        var opened = await terminal.Command(Common.Module.ModuleCommandKind.ZeroReport);
        Assert.True(opened.IsOk, opened.Error);
        terminal.Tray.WaitFor(1);
        return terminal;
    }

    private static async Task<IPage> NewPage(IBrowser browser, LiveTerminal terminal, string query = "")
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 800 } });
        await page.GotoAsync(terminal.Url + "/" + query);
        return page;
    }

    private static async Task Activate(IPage page, LiveTerminal terminal)
    {
        await page.FillAsync("#code", terminal.Election.Activation("E05"));
        await page.ClickAsync("#activate");
        await page.Locator("#ballot fieldset[data-contest='GOB-05']").WaitForAsync();
    }

    private static Task<string[]> Checked(IPage page) =>
        page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#ballot input[name=party]:checked')].map(i => i.value)");

    private static Task<string> Focused(IPage page) =>
        page.EvaluateAsync<string>("() => { const e = document.activeElement; return e.id || (e.name + '=' + e.value); }");

    /// <summary>Press Tab (or Shift+Tab) until the focused element matches, as a keyboard or switch user would.</summary>
    private static async Task TabTo(IPage page, string selector, bool backwards = false, int max = 30)
    {
        for (var i = 0; i < max; i++)
        {
            if (await page.EvaluateAsync<bool>("s => document.activeElement && document.activeElement.matches(s)", selector)) return;
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
        }
        Assert.Fail($"{selector} was not reached with {max} presses of {(backwards ? "Shift+Tab" : "Tab")}; focus is on {await Focused(page)}");
    }

    private static async Task AssertNoSidewaysScroll(IPage page, string where)
    {
        var (scroll, client) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"),
                                await page.EvaluateAsync<int>("() => document.documentElement.clientWidth"));
        Assert.True(scroll <= client, $"{where}: the page is {scroll} CSS px wide in a {client} px viewport");
    }

    private static async Task AssertTargets(IPage page, string where)
    {
        var controls = page.Locator("button:visible, input:visible");
        var count = await controls.CountAsync();
        Assert.True(count > 0, where + ": no controls");
        foreach (var control in await controls.AllAsync())
        {
            var box = await control.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width >= MinTarget && box.Height >= MinTarget,
                $"{where}: {await control.EvaluateAsync<string>("e => e.outerHTML")} is {box.Width}×{box.Height} CSS px");
        }
    }

    [Fact]
    public async Task Changing_language_size_or_contrast_at_any_step_keeps_the_marks()
    {
        await using var terminal = await OpenTerminal();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await NewPage(browser, terminal);
        await Activate(page, terminal);

        await page.CheckAsync("#ballot input[name=party][value=PAN]");
        await page.CheckAsync("#ballot input[name=party][value=PRI]");
        Assert.Equal("Revisar", (await page.InnerTextAsync("#toReview")).Trim());

        await page.ClickAsync("#lang-en");
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(new[] { "PAN", "PRI" }, await Checked(page));
        Assert.Equal("Review", (await page.InnerTextAsync("#toReview")).Trim());
        Assert.Equal("Mark your vote", (await page.InnerTextAsync("#ballotTitle")).Trim());
        Assert.Contains("Non-registered candidate", await page.InnerTextAsync("#ballot .writein"));
        Assert.Equal("Electronic ballot", (await page.InnerTextAsync("h1")).Trim());
        Assert.Equal("true", await page.GetAttributeAsync("#lang-en", "aria-pressed"));
        // What the terminal sent stays as sent, marked as Spanish for a screen reader.
        Assert.Contains("Gubernatura de Coahuila", await page.InnerTextAsync("#ballot legend"));

        foreach (var size in Sizes)
        {
            await page.ClickAsync($"#size-{size}");
            Assert.Equal(size, await page.GetAttributeAsync("html", "data-size"));
            Assert.Equal(new[] { "PAN", "PRI" }, await Checked(page));
        }
        await page.ClickAsync("#contrast-high");
        Assert.Equal("high", await page.GetAttributeAsync("html", "data-contrast"));
        Assert.Equal(new[] { "PAN", "PRI" }, await Checked(page));
        Assert.Equal("rgb(0, 0, 0)", await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        await AssertNoSidewaysScroll(page, "ballot at 200%, English, high contrast");
        await page.ScreenshotAsync(new() { Path = Artifact("ballot-200-en-high-contrast.png"), FullPage = true });

        // The write-in is kept too.
        await page.FillAsync("#ballot input[name=writein]", "Zeta");
        await page.ClickAsync("#lang-es");
        await page.ClickAsync("#contrast-normal");
        Assert.Equal("Zeta", await page.InputValueAsync("#ballot input[name=writein]"));
        Assert.Equal("Revisar", (await page.InnerTextAsync("#toReview")).Trim());
        await page.FillAsync("#ballot input[name=writein]", "");

        // At the review step: the buttons change, the server's words stay, going back keeps the marks.
        await page.ClickAsync("#toReview");
        await page.Locator("#review button#confirm").WaitForAsync();
        Assert.Contains("PAN + PRI: Candidata Alfa", await page.InnerTextAsync("#review"));
        Assert.Equal("Votar e imprimir", (await page.InnerTextAsync("#confirm")).Trim());
        await page.ClickAsync("#lang-en");
        await page.ClickAsync("#size-150");
        Assert.Equal("Vote and print", (await page.InnerTextAsync("#confirm")).Trim());
        Assert.Equal("Change", (await page.InnerTextAsync("#back")).Trim());
        Assert.Contains("PAN + PRI: Candidata Alfa", await page.InnerTextAsync("#review"));
        await page.ClickAsync("#back");
        await page.Locator("#ballot").WaitForAsync();
        Assert.Equal(new[] { "PAN", "PRI" }, await Checked(page));
        Assert.Equal("Review", (await page.InnerTextAsync("#toReview")).Trim());
    }

    [Fact]
    public async Task A_voter_votes_with_the_keyboard_alone()
    {
        await using var terminal = await OpenTerminal();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await NewPage(browser, terminal, "?prefsReset=2");

        // The reading options come first, then the activation field.
        await TabTo(page, "#lang-es");
        await TabTo(page, "#code");
        await page.Keyboard.InsertTextAsync(terminal.Election.Activation("E05"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("activate", await Focused(page));
        await page.Keyboard.PressAsync(" ");
        await page.Locator("#ballot fieldset[data-contest='GOB-05']").WaitForAsync();
        Assert.Equal("ballotTitle", await Focused(page)); // focus moves to the new step's heading

        // A party box, from the heading, in document order; Space marks it.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("party=PAN", await Focused(page));
        await TabTo(page, "#ballot input[value=MC]");
        await page.Keyboard.PressAsync(" ");
        Assert.Equal(new[] { "MC" }, await Checked(page));
        // Shift+Tab goes back the same way; Space toggles a box off again.
        await TabTo(page, "#ballot input[value=MORENA]", backwards: true);
        await page.Keyboard.PressAsync(" ");
        await page.Keyboard.PressAsync(" ");
        Assert.Equal(new[] { "MC" }, await Checked(page));
        // The reading options work from the keyboard mid-ballot and keep the mark.
        await TabTo(page, "#size-200", backwards: true);
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("200", await page.GetAttributeAsync("html", "data-size"));
        Assert.Equal(new[] { "MC" }, await Checked(page));

        await TabTo(page, "#toReview");
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#review button#confirm").WaitForAsync();
        Assert.Equal("reviewTitle", await Focused(page));
        Assert.Contains("MC: Candidata Gama", await page.InnerTextAsync("#review"));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("back", await Focused(page));
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("confirm", await Focused(page));
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#verify").WaitForAsync();
        Assert.Equal("verifyTitle", await Focused(page));
        Assert.Empty(terminal.Parts.Store.SealedVotes());
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("reject", await Focused(page)); // "it does not match" comes first, accept last, as back/confirm
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("accept", await Focused(page));
        await page.Keyboard.PressAsync(" ");
        await page.WaitForFunctionAsync("() => document.getElementById('message').textContent.includes('registrado')");
        Assert.False(await page.IsHiddenAsync("#idle"));
        Assert.Equal("200", await page.GetAttributeAsync("html", "data-size")); // the voter reads the thanks at their size
        // The next voter starts from the defaults.
        await page.WaitForFunctionAsync("() => document.documentElement.dataset.size === '100'", null, new() { Timeout = 10000 });
        Assert.Equal("", await page.InnerTextAsync("#message"));

        var papers = terminal.Tray.WaitFor(2);
        var testigo = TestigoDecoder.Decode(Assert.Single(QrImageDecoder.Decode(papers[1].Png)));
        Assert.True(testigo.Ok, testigo.Reason);
        var marks = Assert.Single(testigo.Payload.Contests);
        Assert.Equal(("GOB-05", MarkKind.Parties, "MC"), (marks.ContestId, marks.Kind, string.Join("+", marks.PartyCodes)));
        Assert.Equal(testigo.Payload.Encode(), Assert.Single(terminal.Parts.Vault.OpenAll()));
    }

    [Fact]
    public async Task The_inactivity_warning_takes_the_focus_and_Continue_gives_it_back()
    {
        await using var terminal = await OpenTerminal();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await NewPage(browser, terminal, "?idleWarn=1");

        // No session, no warning.
        await page.WaitForTimeoutAsync(1800);
        Assert.True(await page.IsHiddenAsync("#idleWarning"));

        await Activate(page, terminal);
        await page.CheckAsync("#ballot input[name=party][value=MORENA]");
        await page.Locator("#idleWarning").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
        Assert.Equal(1, await page.Locator("[role=alertdialog][aria-modal=true]:visible").CountAsync());
        Assert.Equal("continue", await Focused(page));
        Assert.Equal("Continuar", (await page.InnerTextAsync("#continue")).Trim());
        Assert.Contains("más tiempo", await page.InnerTextAsync("#idleWarning"));
        // The rest of the page is inert while the dialog is open.
        Assert.True(await page.EvaluateAsync<bool>("() => document.getElementById('app').inert"));
        await page.ScreenshotAsync(new() { Path = Artifact("ballot-inactivity-warning.png") });

        await page.Keyboard.PressAsync("Enter");
        Assert.True(await page.IsHiddenAsync("#idleWarning"));
        Assert.Equal("party=MORENA", await Focused(page)); // back where the voter was
        Assert.Equal(new[] { "MORENA" }, await Checked(page));
        // The page only warns: the session is still open.
        Assert.Contains("\"session\":\"Selecting\"", await terminal.Http.GetStringAsync(TerminalRoutes.State));

        // It comes back after another quiet second, in the voter's language.
        await page.ClickAsync("#lang-en");
        await page.Locator("#idleWarning").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
        Assert.Equal("continue", await Focused(page));
        Assert.Equal("Continue", (await page.InnerTextAsync("#continue")).Trim());
        await page.ScreenshotAsync(new() { Path = Artifact("ballot-inactivity-warning-en.png") });
        await page.ClickAsync("#continue");
        Assert.True(await page.IsHiddenAsync("#idleWarning"));
        Assert.Equal(new[] { "MORENA" }, await Checked(page));
    }

    [Fact]
    public async Task Every_control_is_at_least_48_px_at_every_text_size_with_no_sideways_scrolling()
    {
        await using var terminal = await OpenTerminal();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await NewPage(browser, terminal);

        async Task EverySize(string step)
        {
            foreach (var contrast in new[] { "normal", "high" })
            {
                await page.ClickAsync($"#contrast-{contrast}");
                foreach (var size in Sizes)
                {
                    await page.ClickAsync($"#size-{size}");
                    await AssertTargets(page, $"{step} at {size}% ({contrast})");
                    await AssertNoSidewaysScroll(page, $"{step} at {size}% ({contrast})");
                }
            }
        }

        await EverySize("idle");
        await Activate(page, terminal);
        await page.ClickAsync("#lang-en");
        await EverySize("ballot");
        await page.ClickAsync("#ballot input[name=party][value=PAN]");
        await page.ClickAsync("#ballot input[name=party][value=MC]"); // not one coalition: a null vote
        await page.ClickAsync("#toReview");
        await page.Locator("#review button#confirm").WaitForAsync();
        // The null vote is said in words and with an icon, not by colour alone.
        Assert.Contains("null vote", await page.InnerTextAsync("#review .null-note"));
        Assert.Equal("⚠", (await page.InnerTextAsync("#review .null-note .icon")).Trim());
        await EverySize("review");
        await page.ScreenshotAsync(new() { Path = Artifact("ballot-review-null-200-high-contrast.png"), FullPage = true });
        await page.ClickAsync("#confirm");
        await page.Locator("#verify").WaitForAsync();
        await EverySize("verify");
    }

    [Fact]
    public async Task Axe_finds_nothing_serious_or_critical_on_the_idle_ballot_review_and_verify_screens()
    {
        await using var terminal = await OpenTerminal();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await NewPage(browser, terminal, "?idleWarn=600");
        var report = new StringBuilder();

        async Task Check(string screen)
        {
            foreach (var contrast in new[] { "normal", "high" })
            {
                await page.ClickAsync($"#contrast-{contrast}");
                var result = await page.RunAxe();
                report.AppendLine($"{screen} ({contrast} contrast): {result.Violations.Length} violations, {result.Passes.Length} rules passed, {result.Incomplete.Length} to review by hand");
                foreach (var v in result.Violations)
                    report.AppendLine($"  {v.Impact} {v.Id}: {v.Help} — {string.Join(" | ", v.Nodes.Select(n => n.Html))}");
                foreach (var v in result.Incomplete)
                    report.AppendLine($"  (review) {v.Impact} {v.Id}: {v.Help}");
                var bad = result.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
                Assert.True(bad.Length == 0, $"{screen} ({contrast}): " + string.Join("; ", bad.Select(v =>
                    $"{v.Impact} {v.Id}: {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Html))}")));
            }
        }

        try
        {
            await Check("idle");
            await Activate(page, terminal);
            await page.CheckAsync("#ballot input[name=party][value=PRD]");
            await Check("ballot");
            await page.ClickAsync("#lang-en");
            await Check("ballot, English");
            await page.ClickAsync("#toReview");
            await page.Locator("#review button#confirm").WaitForAsync();
            await Check("review, English");
            await page.ClickAsync("#lang-es");
            await Check("review");
            await page.ClickAsync("#confirm");
            await page.Locator("#verify").WaitForAsync();
            await Check("verify");
            await page.ClickAsync("#accept");
            await page.WaitForFunctionAsync("() => document.getElementById('message').textContent.includes('registrado')");
            await Check("idle after a vote");
        }
        finally
        {
            output.WriteLine(report.ToString());
            File.WriteAllText(Artifact("ballot-axe.txt"), report.ToString());
        }
    }

    [Fact]
    public async Task Axe_finds_nothing_serious_or_critical_in_the_inactivity_warning()
    {
        await using var terminal = await OpenTerminal();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await NewPage(browser, terminal, "?idleWarn=1");
        await Activate(page, terminal);
        await page.Locator("#idleWarning").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
        var result = await page.RunAxe();
        foreach (var v in result.Violations) output.WriteLine($"{v.Impact} {v.Id}: {v.Help}");
        Assert.DoesNotContain(result.Violations, v => v.Impact is "serious" or "critical");
    }
}
