using Microsoft.Playwright;
using Vmre.Common.Protocol;
using Vmre.Simulator.Election;
using Vmre.Simulator.Voters;

namespace Vmre.EndToEnd.Tests;

/// <summary>
/// Issue 8 point 5: the browser reaches a kiosk face from inside its terminal's namespace. Chromium,
/// launched by Playwright inside T-CHI-01's namespace (NamespacedBrowser), opens the terminal's
/// ballot page of a running simulated module, and a voter checked in at the desk activates a ballot
/// there. From the host, the same address reaches nothing.
/// </summary>
[Collection(SimulatedModuleCollection.Name)]
public sealed class KioskInBrowserTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "vmre-kiosk-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_out)) Directory.Delete(_out, recursive: true);
    }

    [Fact]
    public async Task Chromium_in_a_terminals_namespace_opens_its_ballot_page_and_activates_a_ballot()
    {
        string prefix;
        using (var rig = await ModuleRig.Build(new SimulationOptions(_out, Voters: 5), _ => { }))
        {
            prefix = $"vmre-{rig.Lan.RunId}-";
            var t1 = rig.Terminals[0];
            await new ElectionDay(rig, new Findings(), _ => { }).Open();
            var token = await CheckInOneVoter(rig);

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = rig.Lan.BrowserPath(t1.Part, _out),
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run"],
            });
            var page = await browser.NewPageAsync();
            await page.GotoAsync(t1.Url + "/");
            Assert.Equal("Boleta electrónica — VMRE", await page.TitleAsync());
            await page.FillAsync("#code", token);
            await page.ClickAsync("#activate");
            await page.Locator("#ballot fieldset[data-contest]").First.WaitForAsync();
            Assert.Equal("Selecting", (await t1.Api.State()).Value!.Session);

            // The host's own loopback has no ballot page: the kiosk face is only inside the namespace.
            using var host = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            await Assert.ThrowsAsync<HttpRequestException>(() => host.GetAsync(t1.Url + "/"));
        }
        Assert.DoesNotContain(ModuleElectionTests.ListedNamespaces(), n => n.StartsWith(prefix, StringComparison.Ordinal));
    }

    private static async Task<string> CheckInOneVoter(ModuleRig rig)
    {
        var voter = VoterPlan.Make(rig.LnereCsv, rig.Package, rig.Options.ModuleId, 5, rig.Terminals.Count).Voters[0];
        var found = (await rig.Server.LookUp(new CheckInLookupRequest(null, voter.Person.Clave))).ValueOrThrow();
        var confirmed = (await rig.Server.ConfirmCheckIn(CheckInConfirmRequest.Fresh(found.Voter!.Clave))).ValueOrThrow();
        return confirmed.ActivationToken!;
    }
}
