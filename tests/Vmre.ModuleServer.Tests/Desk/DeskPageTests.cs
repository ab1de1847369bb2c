using System.Net;
using System.Net.Http.Headers;
using Microsoft.Playwright;
using Vmre.Audit.Paper;
using Vmre.Common.Protocol;
using Vmre.Firmware.Credential;
using Vmre.HardwareSim.Printer;
using Vmre.ModuleServer.Tests.Support;
using static Microsoft.Playwright.Assertions;

namespace Vmre.ModuleServer.Tests.Desk;

/// <summary>
/// The officials' desk screen (brief 2.3 and section 4) in a real Chromium (Debian's, through
/// Playwright's node driver) against the real module server: SQLite on disk, fake terminals.
/// </summary>
public sealed class DeskPageTests
{
    private const double MinTarget = 48; // CSS px ≈ 12.7 mm (rules.md R9)
    /// <summary>For a person to look at, in the test run's artifacts folder.</summary>
    public static string Screenshot => TestArtifacts.File(nameof(DeskPageTests), "desk.png");

    private static Task<IBrowser> Launch(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new()
    {
        ExecutablePath = "/usr/bin/chromium",
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run"],
    });

    private static async Task<IPage> OpenDesk(IBrowser browser, TestModule module)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 1000 } });
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        var response = await page.GotoAsync(module.App!.KioskUrl + "/desk/");
        Assert.Equal(200, response!.Status);
        Assert.Equal("es", await page.GetAttributeAsync("html", "lang"));
        return page;
    }

    /// <summary>Issue 11: the official's card on the server's desk reader, the PIN typed on the page.</summary>
    private static async Task SignIn(IPage page, TestModule module, string credential, string pin)
    {
        module.DeskReader.Place(module.Cards[credential]);
        await page.FillAsync("#pin", pin);
        await page.ClickAsync("#signin-button");
    }

    /// <summary>Every visible button, input and text area is at least 48×48 CSS px.</summary>
    private static async Task<int> AssertTargets(IPage page, string scope = "body")
    {
        var targets = page.Locator($"{scope} button:visible, {scope} input:visible, {scope} textarea:visible");
        var count = 0;
        foreach (var target in await targets.AllAsync())
        {
            var box = await target.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.Width >= MinTarget && box.Height >= MinTarget,
                $"{await target.EvaluateAsync<string>("e => e.outerHTML")} is {box.Width}×{box.Height} CSS px");
            count++;
        }
        return count;
    }

    /// <summary>Every input and text area has a label (rules.md R9).</summary>
    private static async Task AssertLabelled(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('input, textarea')].filter(e => e.labels.length === 0).map(e => e.id)");
        Assert.Empty(unlabelled);
    }

    [Fact]
    public async Task The_terminals_panel_shows_an_interrupted_terminal_its_alert_and_one_that_does_not_answer()
    {
        await using var module = await TestModule.Started(terminals: 2);
        module.Terminals[0].State = new Vmre.Common.Protocol.TerminalState("T1", "Open", "Interrupted",
            "Votación interrumpida: papel atascado", "Low", ["Testigo anulado: la impresora falló a media impresión (Offline)"]);
        await module.Terminals[1].DisposeAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await OpenDesk(browser, module);

        // Observers read too: the panel needs no sign-in (rules.md R8).
        await page.WaitForFunctionAsync("() => document.querySelectorAll('#terminal-list li').length === 2");
        var panel = await page.InnerTextAsync("#terminal-list");
        Assert.Contains("T1", panel);
        Assert.Contains("se necesita un funcionario", panel);
        Assert.Contains("Papel por terminarse", panel);
        Assert.Contains("a media impresión", panel);
        Assert.Contains("Sin respuesta", panel);
    }

    [Fact]
    public void The_desk_page_is_in_the_server_output()
    {
        foreach (var file in new[] { "index.html", "desk.css", "desk.js" })
            Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot", "desk", file)), $"wwwroot/desk/{file} missing");
    }

    [Fact]
    public async Task The_page_is_not_cached_and_the_qr_endpoint_needs_a_desk_session_and_a_real_token()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();

        using var page = await module.Http.GetAsync("/desk/");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        Assert.True(page.Headers.CacheControl!.NoStore);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single());

        var token = await module.SignIn("SEC-01");
        var code = await module.CheckIn(token, TestElection.Voters[1].Clave);
        var path = ServerRoutes.ActivationQr + "?code=" + Uri.EscapeDataString(code);

        async Task<HttpResponseMessage> Qr(string url, string? bearer)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            return await module.Http.SendAsync(request);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Qr(path, null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Qr(path, "not-a-session")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Qr(path, await module.SignIn("TEC-01"))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Qr(ServerRoutes.ActivationQr + "?code=hello", token)).StatusCode);
        var otherModule = code.Replace("|MRV-CHI|", "|MRV-DAL|");
        Assert.Equal(HttpStatusCode.BadRequest, (await Qr(ServerRoutes.ActivationQr + "?code=" + Uri.EscapeDataString(otherModule), token)).StatusCode);

        using var svg = await Qr(path, token);
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType!.MediaType);
        Assert.True(svg.Headers.CacheControl!.NoStore);
        Assert.Contains("<svg", await svg.Content.ReadAsStringAsync());

        var nonce = code.Split('|')[4];
        Assert.DoesNotContain(module.LogLines(), line => line.Contains(nonce));
    }

    [Fact]
    public async Task An_official_signs_in_checks_voters_in_and_hands_out_an_activation_as_text_and_qr()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await OpenDesk(browser, module);
        await AssertLabelled(page);
        Assert.True(await AssertTargets(page) >= 5);

        // Wrong PIN, then a card locked by three wrong PINs: both said in words.
        await SignIn(page, module, "PRES-01", "0000");
        await Expect(page.Locator("#message")).ToContainTextAsync("PIN incorrecto");
        await Expect(page.Locator("#message")).ToContainTextAsync("Wrong PIN");
        await Expect(page.Locator("#desk")).ToBeHiddenAsync();
        for (var i = 0; i < 3; i++) await SignIn(page, module, "ESC-01", "0000");
        await Expect(page.Locator("#message")).ToContainTextAsync("Tarjeta bloqueada");
        await Expect(page.Locator("#message")).ToContainTextAsync("Card locked");
        Assert.Equal("", await page.InputValueAsync("#pin"));

        await SignIn(page, module, "PRES-01", TestModule.Pin);
        await Expect(page.Locator("#desk")).ToBeVisibleAsync();
        await Expect(page.Locator("#signin")).ToBeHiddenAsync();
        await Expect(page.Locator("#who")).ToContainTextAsync("PRES-01");
        Assert.Null(await page.EvaluateAsync<string?>("() => sessionStorage.length ? 'stored' : null"));
        await AssertLabelled(page);
        await AssertTargets(page);

        // A typed clave of an eligible voter: the name and entidad, then confirm.
        var voter = TestElection.Voters[0];
        await page.FillAsync("#clave", voter.Clave.ToLowerInvariant());
        await page.ClickAsync("#lookup");
        await Expect(page.Locator("#voter-name")).ToHaveTextAsync("ELENA PRUEBA ALFA");
        await Expect(page.Locator("#voter-entidad")).ToHaveTextAsync("05 — Coahuila");
        await Expect(page.Locator("#outcome-text")).ToContainTextAsync("Puede votar");
        await Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await Expect(page.Locator("#confirm")).Not.ToBeFocusedAsync();
        await AssertTargets(page);

        await page.ClickAsync("#confirm");
        await page.Locator("#activation-qr svg").WaitForAsync();
        var code = await page.InnerTextAsync("#activation-code");
        Assert.StartsWith($"VMRE-A2|MRV-CHI|{module.PackageHash[..16]}|E05|", code);
        await Expect(page.Locator("#outcome")).ToBeHiddenAsync();
        Assert.Equal("", await page.InputValueAsync("#clave")); // the voter's clave does not stay with the code
        await Expect(page.Locator("#st-checked")).ToHaveTextAsync("1");
        await Expect(page.Locator("#st-pending")).ToHaveTextAsync("1");
        await Expect(page.Locator("#st-hour")).ToHaveTextAsync("1");
        await Expect(page.Locator("#st-state")).ToContainTextAsync("Abierta");
        await AssertTargets(page);
        await page.ScreenshotAsync(new() { Path = Screenshot, FullPage = true });

        // The QR on screen carries exactly the code (read back from the pixels).
        var qr = await page.Locator("#activation-qr").ScreenshotAsync();
        Assert.Equal(code, Assert.Single(QrImageDecoder.Decode(qr)));

        // "Siguiente votante" clears everything: the code must not linger (rules.md R2, R4).
        await page.ClickAsync("#next");
        await Expect(page.Locator("#activation")).ToBeHiddenAsync();
        Assert.Equal("", await page.Locator("#activation-code").TextContentAsync());
        Assert.Equal(0, await page.Locator("#activation-qr svg").CountAsync());
        Assert.DoesNotContain(code.Split('|')[4], await page.ContentAsync());
        Assert.Equal("", await page.InputValueAsync("#clave"));
        await Expect(page.Locator("#mrz")).ToBeFocusedAsync();

        // The same voter again once the activation was used: already voted, in words, and no
        // confirm button (an unused one would be handed over again: issue 11 point 3).
        Assert.True((await module.Terminal("T1").RedeemAsync(module.Redeem(code, "T1"))).ValueOrThrow().Accepted);
        await page.FillAsync("#clave", voter.Clave);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#outcome-text")).ToContainTextAsync("Ya votó");
        await Expect(page.Locator("#outcome-text")).ToContainTextAsync("Already voted");
        await Expect(page.Locator("#confirm")).ToBeHiddenAsync();

        // A voter registered for postal voting is blocked.
        await page.ClickAsync("#next");
        await page.FillAsync("#clave", TestElection.PostalClave);
        await page.ClickAsync("#lookup");
        await Expect(page.Locator("#outcome-text")).ToContainTextAsync("correo postal");
        await Expect(page.Locator("#outcome-text")).ToContainTextAsync("blocked");
        await Expect(page.Locator("#confirm")).ToBeHiddenAsync();
        await Expect(page.Locator("#voter")).ToBeHiddenAsync();

        // A keyboard-wedge scanner types the three MRZ lines: the lookup starts by itself, and
        // the scanner's trailing Enter does not confirm.
        await page.ClickAsync("#next");
        var mrz = MrzBuilder.Build(TestElection.Voters[1].Cic, "0000000000001", "850101", "H", "331231", "PRUEBA BETA", "JUAN CARLOS");
        await page.FocusAsync("#mrz");
        await page.Keyboard.TypeAsync(mrz.Replace("\r", "") + "\n");
        await Expect(page.Locator("#voter-name")).ToHaveTextAsync("JUAN CARLOS PRUEBA BETA");
        await Expect(page.Locator("#confirm")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#st-checked")).ToHaveTextAsync("1");
        var status = await module.Status();
        Assert.Equal(1, status.CheckedIn);
    }

    [Fact]
    public async Task Officials_open_and_close_the_polls_from_the_page_with_their_session_and_card()
    {
        await using var module = await TestModule.Started();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await OpenDesk(browser, module);
        await Expect(page.Locator("#st-state")).ToContainTextAsync("No abierta");

        // Issue 11 point 1: no credential or PIN in the request; the signed-in session and its card.
        await page.ClickAsync("#open-polls");
        await Expect(page.Locator("#polls-dialog")).ToBeVisibleAsync();
        Assert.Equal(2, await AssertTargets(page, "#polls-dialog"));
        await page.ClickAsync("#polls-go");
        await Expect(page.Locator("#polls-result")).ToContainTextAsync("Inicie sesión con su tarjeta");

        await SignIn(page, module, "ESC-01", TestModule.Pin);
        await Expect(page.Locator("#desk")).ToBeVisibleAsync();
        await page.ClickAsync("#open-polls");
        await page.ClickAsync("#polls-go");
        await Expect(page.Locator("#polls-result")).ToContainTextAsync("Solo presidente/a o secretario/a");
        await page.ClickAsync("#signout");

        await SignIn(page, module, "PRES-01", TestModule.Pin);
        await Expect(page.Locator("#desk")).ToBeVisibleAsync();
        await page.ClickAsync("#open-polls");
        await page.ClickAsync("#polls-go");
        await Expect(page.Locator("#polls-result")).ToContainTextAsync("Votación abierta");
        foreach (var t in module.Terminals)
            await Expect(page.Locator("#polls-result tr", new() { HasText = t.Id })).ToContainTextAsync("Reporte en ceros correcto");
        await Expect(page.Locator("#st-state")).ToContainTextAsync("Abierta");
        await Expect(page.Locator("#message")).ToContainTextAsync("Votación abierta");

        await page.ClickAsync("#close-polls");
        await Expect(page.Locator("#polls-dialog-title")).ToContainTextAsync("definitivo");
        await page.ClickAsync("#polls-go");
        await Expect(page.Locator("#polls-result")).ToContainTextAsync("Votación cerrada", new() { Timeout = 20_000 });
        foreach (var t in module.Terminals)
            await Expect(page.Locator("#polls-result tr", new() { HasText = t.Id })).ToContainTextAsync("Constancia de cierre correcta");
        await Expect(page.Locator("#st-state")).ToContainTextAsync("Cerrada");
    }

    [Fact]
    public async Task An_official_voids_a_lost_activation_and_reissues_it_with_a_reason_but_never_after_it_was_used()
    {
        await using var module = await TestModule.Started();
        await module.OpenPolls();
        var voter = TestElection.Voters[0];
        // Review finding 3: the kept activation goes back only to the official who asked for it.
        var lost = await module.CheckIn(await module.SignIn("PRES-01"), voter.Clave);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Launch(playwright);
        var page = await OpenDesk(browser, module);
        await SignIn(page, module, "PRES-01", TestModule.Pin);
        await Expect(page.Locator("#desk")).ToBeVisibleAsync();

        // Issue 11 point 3: given an activation not yet used (its answer may never have reached a
        // desk): confirming hands over that same activation, never a second one.
        await page.FillAsync("#clave", voter.Clave);
        await page.ClickAsync("#lookup");
        await Expect(page.Locator("#outcome-text")).ToContainTextAsync("Ya registrado/a; su activación aún no se usa");
        await page.ClickAsync("#confirm");
        await page.Locator("#activation-qr svg").WaitForAsync();
        Assert.Equal(lost, await page.InnerTextAsync("#activation-code"));
        await page.ClickAsync("#next");

        // The re-issue form is there too, labelled and big enough.
        await page.FillAsync("#clave", voter.Clave);
        await page.ClickAsync("#lookup");
        await Expect(page.Locator("#outcome-text")).ToContainTextAsync("Ya registrado/a");
        await Expect(page.Locator("#reissue")).ToBeVisibleAsync();
        await AssertLabelled(page);
        await AssertTargets(page);

        // A reason naming the voter is refused by the server, in words.
        await page.FillAsync("#reissue-reason", "perdido por " + voter.Clave);
        await page.ClickAsync("#reissue-button");
        await Expect(page.Locator("#outcome-text")).ToContainTextAsync("Escriba un motivo");

        await page.FillAsync("#reissue-reason", "perdió el código impreso");
        await page.ClickAsync("#reissue-button");
        await page.Locator("#activation-qr svg").WaitForAsync();
        var code = await page.InnerTextAsync("#activation-code");
        Assert.StartsWith($"VMRE-A2|MRV-CHI|{module.PackageHash[..16]}|E05|", code);
        Assert.NotEqual(lost, code);
        await Expect(page.Locator("#message")).ToContainTextAsync("Activación anterior anulada");
        await Expect(page.Locator("#st-reissued")).ToHaveTextAsync("1");
        await Expect(page.Locator("#st-pending")).ToHaveTextAsync("1");

        // The lost code is refused at a terminal; the new one is redeemed.
        var old = (await module.Terminal("T1").RedeemAsync(module.Redeem(lost, "T1"))).ValueOrThrow();
        Assert.Equal("activation was voided and re-issued", old.Reason);
        Assert.True((await module.Terminal("T1").RedeemAsync(module.Redeem(code, "T1"))).ValueOrThrow().Accepted);

        // Once used, nothing is re-issued: the voter voted.
        await page.ClickAsync("#next");
        await page.FillAsync("#clave", voter.Clave);
        await page.ClickAsync("#lookup");
        await page.FillAsync("#reissue-reason", "dice que no funcionó");
        await page.ClickAsync("#reissue-button");
        await Expect(page.Locator("#outcome-text")).ToContainTextAsync("ya se usó");
        await Expect(page.Locator("#activation")).ToBeHiddenAsync();
        Assert.Equal(1, (await module.Status()).ActivationsReissued);
    }
}
