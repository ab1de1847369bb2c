using System.Text.Json;
using Vmre.Common.Cards;
using Vmre.Common.Logging;
using Vmre.Common.Protocol;
using Vmre.Common.Serialization;
using Vmre.Devices.OfficialCardReader;

namespace Vmre.ModuleServer.Consoles;

/// <summary>
/// A desk console's own card reader (issue 11 design §3): the console asks the server for a
/// challenge and lets the official's card answer it, so the unchanged desk page signs in with the
/// PIN alone and the PIN never leaves the console. One exchange at a time: a reader is one antenna.
/// </summary>
public sealed class ConsoleCardReader(IOfficialCardReader reader, HttpClient server, EventLog log)
{
    private readonly SemaphoreSlim _antenna = new(1, 1);

    /// <summary>The PIN in a desk page's sign-in body (<c>{"pin"}</c>), or null when the body is anything else.</summary>
    public static string? PinIn(byte[] body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.ValueKind == JsonValueKind.Object
                && json.RootElement.TryGetProperty("pin", out var pin) && pin.ValueKind == JsonValueKind.String ? pin.GetString() : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>
    /// AUTHENTICATE over a fresh server challenge: the <c>{"cardAnswer"}</c> body to forward, or why
    /// not (logged, never with the PIN). Asked once: a card that answered counts a wrong PIN itself.
    /// </summary>
    public async Task<Parsed<byte[]>> SignInBody(string pin, CancellationToken cancel)
    {
        var issued = await new ModuleServerClient(server).Challenge();
        if (!issued.IsOk) return Refused("no card challenge from the module server: " + issued.Error);
        var exchange = await Exchange(reader => reader.Authenticate(ChallengeOf(issued.Value!), pin), cancel);
        switch (exchange)
        {
            case CardExchange.Answered answered:
                var body = new OfficialSignIn(CardAnswer: new CardAnswerBody(answered.Answer.CredentialId, issued.Value!.ChallengeId,
                    (int)answered.Answer.Verdict, Convert.ToBase64String(answered.Answer.Signature)));
                return Parsed<byte[]>.Ok(JsonSerializer.SerializeToUtf8Bytes(body, VmreJson.Options));
            case CardExchange.NoCard:
                return Refused("put your official card on this console's reader");
            case CardExchange.Failed failed:
                return Refused("the card could not be read: " + failed.Reason);
            default:
                throw new ArgumentOutOfRangeException(nameof(pin), exchange, "unknown card exchange");
        }
    }

    /// <summary>
    /// The <see cref="CardPresenceHeader"/> value of the card's PRESENCE over a fresh server
    /// challenge, or null when no card answered: the server then ends the session (card removed).
    /// </summary>
    public async Task<string?> PresenceHeader(CancellationToken cancel)
    {
        var issued = await new ModuleServerClient(server).Challenge();
        if (!issued.IsOk)
        {
            log.Append("console-card-presence-unproven", null, new() { ["reason"] = "no card challenge from the module server: " + issued.Error });
            return null;
        }
        var exchange = await Exchange(reader => reader.Presence(ChallengeOf(issued.Value!)), cancel);
        switch (exchange)
        {
            case CardExchange.Answered answered:
                return CardPresenceHeader.Value(issued.Value!.ChallengeId, answered.Answer.Signature);
            case CardExchange.NoCard:
                log.Append("console-card-absent", null, new() { ["reason"] = "no card on this console's reader" });
                return null;
            case CardExchange.Failed failed:
                log.Append("console-card-absent", null, new() { ["reason"] = "the card could not be read: " + failed.Reason });
                return null;
            default:
                throw new ArgumentOutOfRangeException(nameof(cancel), exchange, "unknown card exchange");
        }
    }

    private static CardChallenge ChallengeOf(IssuedCardChallenge issued) => CardChallenge.From(Convert.FromBase64String(issued.Challenge));

    // The reader's calls block on the serial line: off the request thread, one at a time.
    private async Task<CardExchange> Exchange(Func<IOfficialCardReader, CardExchange> ask, CancellationToken cancel)
    {
        await _antenna.WaitAsync(cancel);
        try { return await Task.Run(() => ask(reader), cancel); }
        finally { _antenna.Release(); }
    }

    private Parsed<byte[]> Refused(string reason)
    {
        log.Append("console-card-refused", null, new() { ["reason"] = reason });
        return Parsed<byte[]>.Fail(reason);
    }
}
