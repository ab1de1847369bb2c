using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.HardwareSim.Nfc;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Consoles;

/// <summary>
/// Issue 11 design §3: a desk console drives its own PN532 (the emulator over a pty, a VMRE-K2
/// card on it). The desk page's unchanged <c>{"pin"}</c> sign-in reaches the card on the console's
/// reader, the server gets only the card's signed answer, and every state change carries the card's
/// PRESENCE: a card taken off the console's reader ends the session on the server.
/// </summary>
public sealed class ConsoleCardReaderTests
{
    [Fact]
    public async Task An_official_signs_in_with_card_and_PIN_at_a_console_and_removing_the_card_ends_the_session()
    {
        await using var consoles = await ConsoleModule.StartedWithSmartCards();
        using var reader = new Pn532Emulator();
        var kiosk = await consoles.Run(ConsoleModule.Desk, options: consoles.Options(ConsoleModule.Desk) with { DeskReaderPath = reader.SlavePath });
        var cards = consoles.SmartCards!;

        reader.PresentCard(cards["PRES-01"]);
        var presidente = await SignedIn(kiosk, TestModule.Pin);
        Assert.True((await presidente.OpenPolls()).IsOk);

        reader.PresentCard(cards["SEC-01"]);
        var secretario = await SignedIn(kiosk, TestModule.Pin);
        var clave = TestElection.Voters[1].Clave;
        Assert.Equal(CheckInOutcome.Eligible, (await secretario.LookUp(new CheckInLookupRequest(null, clave))).ValueOrThrow().Outcome);
        Assert.Equal(CheckInOutcome.Activated, (await secretario.ConfirmCheckIn(CheckInConfirmRequest.Fresh(clave))).ValueOrThrow().Outcome);
        Assert.Equal(1, (await consoles.Module.Status()).CheckedIn);

        // The card leaves the console's reader: the next check-in is refused and the session ends.
        reader.RemoveCard();
        var refused = await secretario.ConfirmCheckIn(CheckInConfirmRequest.Fresh(TestElection.Voters[2].Clave));
        Assert.False(refused.IsOk);
        Assert.Contains("signed out", refused.Error);
        reader.PresentCard(cards["SEC-01"]);
        Assert.False((await secretario.ConfirmCheckIn(CheckInConfirmRequest.Fresh(TestElection.Voters[2].Clave))).IsOk);
        Assert.Equal(1, (await consoles.Module.Status()).CheckedIn);
        Assert.Contains(consoles.Module.LogLines(), l => l.Contains("card-removed"));
        Assert.Contains(consoles.ConsoleLog(ConsoleModule.Desk), l => l.Contains("\"console-card-absent\""));
        // The PIN never crossed the LAN nor reached either log.
        Assert.DoesNotContain(consoles.Module.LogLines(), l => l.Contains("\"" + TestModule.Pin + "\""));
        Assert.DoesNotContain(consoles.ConsoleLog(ConsoleModule.Desk), l => l.Contains("\"" + TestModule.Pin + "\""));
        Assert.Empty(consoles.ServerRefusals());
    }

    [Fact]
    public async Task A_wrong_PIN_at_a_console_counts_one_failure_and_no_card_is_refused_with_the_readers_reason()
    {
        await using var consoles = await ConsoleModule.StartedWithSmartCards();
        using var reader = new Pn532Emulator();
        var kiosk = await consoles.Run(ConsoleModule.Desk, options: consoles.Options(ConsoleModule.Desk) with { DeskReaderPath = reader.SlavePath });
        var card = consoles.SmartCards!["SEC-01"];
        var desk = new ModuleServerClient(kiosk);

        var empty = await desk.SignIn(new OfficialSignIn(Pin: TestModule.Pin));
        Assert.Equal(RefusalKind.Unauthorized, empty.Kind);
        Assert.Equal("put your official card on this console's reader", empty.Error);
        Assert.Contains(consoles.ConsoleLog(ConsoleModule.Desk), l => l.Contains("\"console-card-refused\"") && l.Contains("put your official card"));

        reader.PresentCard(card);
        var triesBefore = card.PinTriesLeft;
        // The genuine card signed its "PIN wrong" verdict; the server counts it once.
        Assert.Equal("wrong PIN (1 of 3 before a lock)", (await desk.SignIn(new OfficialSignIn(Pin: "0000"))).Error);
        Assert.Equal(triesBefore - 1, card.PinTriesLeft);
        // And the right PIN still signs in (the card's own count resets).
        Assert.True((await desk.SignIn(new OfficialSignIn(Pin: TestModule.Pin))).IsOk);
        Assert.Equal(triesBefore, card.PinTriesLeft);
    }

    private static async Task<ModuleServerClient> SignedIn(HttpClient kiosk, string pin)
    {
        var desk = new ModuleServerClient(kiosk);
        desk.Bearer = (await desk.SignIn(new OfficialSignIn(Pin: pin))).ValueOrThrow().Token;
        return desk;
    }
}
