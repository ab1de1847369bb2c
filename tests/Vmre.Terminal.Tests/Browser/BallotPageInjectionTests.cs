using Microsoft.Playwright;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Browser;

/// <summary>
/// Review finding: the ballot page built the ballot and the review screen with innerHTML from
/// the terminal's answers (contest titles, candidate, coalition and party names from the
/// package; the selection words, which echo the voter's write-in). Text must stay text: markup
/// in any of them would run script on the voter's screen and could change what the voter sees.
/// The package is signed and write-ins are restricted to letters today, but the page must not
/// rely on either. Here the answers are replaced in the browser with hostile text.
/// </summary>
public sealed class BallotPageInjectionTests
{
    private const string Evil = "<img src=x onerror=\"window.__xss=(window.__xss||0)+1\">";

    [Fact]
    public async Task Names_and_selection_words_render_as_text_never_as_markup()
    {
        await using var terminal = new LiveTerminal();
        await terminal.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();
        var ballot = System.Text.Json.JsonSerializer.Serialize(new
        {
            electionName = "E", ballotStyle = "E05",
            contests = new[]
            {
                new
                {
                    contestId = "GOB-05", title = "T" + Evil, allowsWriteIn = true,
                    candidacies = new[]
                    {
                        new { candidate = "C" + Evil, coalitionName = "K" + Evil, parties = new[] { new { code = "PAN", name = "P" + Evil } } },
                    },
                },
            },
        });
        var review = System.Text.Json.JsonSerializer.Serialize(new
        {
            lines = new[] { new { contestId = "GOB-05", title = "T" + Evil, selection = "S" + Evil, countsAsNull = false } },
        });
        // The page follows the terminal's state; the real terminal has no session here, so say there is one.
        await page.RouteAsync("**/api/state", r => r.FulfillAsync(new() { Status = 200, ContentType = "application/json",
            Body = "{\"terminalId\":\"T\",\"polls\":\"Open\",\"session\":\"Selecting\",\"paper\":\"Ok\",\"alerts\":[]}" }));
        await page.RouteAsync("**/api/activation", r => r.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = ballot }));
        await page.RouteAsync("**/api/selection", r => r.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = review }));
        await page.GotoAsync(terminal.Url + "/");
        await page.FillAsync("#code", "x");
        await page.ClickAsync("#activate");
        await page.Locator("#ballot fieldset[data-contest='GOB-05']").WaitForAsync();
        await page.ClickAsync("#toReview");
        await page.Locator("#review").WaitForAsync();
        await page.WaitForTimeoutAsync(300);

        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('#ballot img, #review img').length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => window.__xss || 0"));
        var ballotText = await page.InnerTextAsync("#ballot");
        foreach (var shown in new[] { "T" + Evil, "C" + Evil, "K" + Evil, "P" + Evil }) Assert.Contains(shown, ballotText);
        Assert.Contains("S" + Evil, await page.InnerTextAsync("#review"));
        // The party box still carries its code, and the review still has its two buttons.
        Assert.Equal("PAN", await page.GetAttributeAsync("#ballot input[name=party]", "value"));
        Assert.Equal(2, await page.Locator("#review button").CountAsync());
    }
}
