using Vmre.Common.Cards;
using Vmre.Devices.OfficialCardReader;
using Vmre.HardwareSim.Nfc;

namespace Vmre.Devices.Tests.OfficialCardReader;

/// <summary>
/// Smart cards that are not VMRE-K2 cards, or do not follow official-card.md v2, through the real
/// binding and the PN532 emulator: each is refused with its reason, never read as an answer.
/// </summary>
[Collection(SerialTimingCollection.Name)]
public sealed class MisbehavingCardTests : IDisposable
{
    private static readonly byte[] SelectOk = [0x07, .. "PRES-01"u8, 0x90, 0x00];
    private readonly Pn532Emulator _emulator = new();
    private readonly Pn532OfficialCardReader _reader;

    public MisbehavingCardTests() => _reader = new Pn532OfficialCardReader(_emulator.SlavePath);

    public void Dispose()
    {
        _reader.Dispose();
        _emulator.Dispose();
    }

    /// <summary>SELECT answered <paramref name="select"/>, anything else <paramref name="other"/>.</summary>
    private void Present(byte[] select, byte[]? other = null) =>
        _emulator.PresentCard(new ScriptedCard(apdu => apdu[1] == 0xA4 ? select : other ?? [0x6D, 0x00]));

    private string Failure(CardExchange exchange) => Assert.IsType<CardExchange.Failed>(exchange).Reason;

    [Fact]
    public void A_smart_card_without_the_applet_is_not_an_official_card()
    {
        Present([0x6A, 0x82]);

        Assert.Contains("no VMRE-K2 applet (SW 6A82)", Assert.IsType<CardReading.Unreadable>(_reader.Read()).Reason);
        Assert.Contains("no VMRE-K2 applet", Failure(_reader.Authenticate(CardChallenge.New(), "482913")));
    }

    [Theory]
    [InlineData("0850524553", "length byte")]                  // n says 8, 4 bytes follow
    [InlineData("00", "1-32 printable ASCII")]                 // n 0, no id
    [InlineData("0450522053", "1-32 printable ASCII")]         // a space in the id
    public void A_malformed_select_answer_is_refused(string data, string reason)
    {
        Present([.. Convert.FromHexString(data), 0x90, 0x00]);
        Assert.Contains(reason, Assert.IsType<CardReading.Unreadable>(_reader.Read()).Reason);
    }

    [Fact]
    public void A_status_word_other_than_9000_is_named()
    {
        Present(SelectOk, [0x69, 0x82]);
        Assert.Contains("refused AUTHENTICATE (SW 6982)", Failure(_reader.Authenticate(CardChallenge.New(), "482913")));
        Assert.Contains("refused PRESENCE (SW 6982)", Failure(_reader.Presence(CardChallenge.New())));
    }

    [Fact]
    public void A_verdict_the_exchange_never_gives_is_refused()
    {
        byte[] signature = [0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x01];
        Present(SelectOk, [0x10, .. signature, 0x90, 0x00]);
        Assert.Contains("verdict 0x10", Failure(_reader.Authenticate(CardChallenge.New(), "482913")));
        Present(SelectOk, [0x01, .. signature, 0x90, 0x00]);
        Assert.Contains("verdict 0x01", Failure(_reader.Presence(CardChallenge.New())));
    }

    [Theory]
    [InlineData("01")]                                 // no signature
    [InlineData("0130050201010201")]                   // DER length says 5, 6 follow
    [InlineData("0131060201010201 01")]                // not a SEQUENCE
    public void A_signature_that_is_not_der_is_refused(string data)
    {
        Present(SelectOk, [.. Convert.FromHexString(data.Replace(" ", "")), 0x90, 0x00]);
        Assert.Contains("not a DER ECDSA P-256 signature", Failure(_reader.Authenticate(CardChallenge.New(), "482913")));
    }

    [Fact]
    public void A_card_slow_to_sign_is_still_answered()
    {
        // A real card's ECDSA takes far longer than the binding's own 89 ms answer window.
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913");
        _emulator.PresentCard(new ScriptedCard(apdu =>
        {
            if (apdu[1] != 0xA4) Thread.Sleep(300);
            return card.Answer(apdu)!;
        }));
        var challenge = CardChallenge.New();

        var answered = Assert.IsType<CardExchange.Answered>(_reader.Authenticate(challenge, "482913"));

        var key = Vmre.Common.Signing.PublicKey.FromPem(card.PublicKeyPem);
        Assert.Equal(CardVerdict.PinAccepted, CardProof.Check(answered.Answer, challenge, "PRES-01", key).ValueOrThrow());
    }

    [Fact]
    public void What_the_reader_sends_is_the_documented_apdus()
    {
        var seen = new List<byte[]>();
        var challenge = CardChallenge.New();
        _emulator.PresentCard(new ScriptedCard(apdu => { seen.Add(apdu); return apdu[1] == 0xA4 ? SelectOk : [0x6D, 0x00]; }));

        _reader.Authenticate(challenge, "482913");
        _reader.Presence(challenge);

        Assert.Equal(K2Applet.SelectCommand(), seen[0]);
        Assert.Equal([0x80, 0x88, 0x00, 0x00, 38, .. challenge.Bytes, .. "482913"u8, 0x00], seen[1]);
        Assert.Equal(K2Applet.SelectCommand(), seen[2]);
        Assert.Equal([0x80, 0x86, 0x00, 0x00, 32, .. challenge.Bytes, 0x00], seen[3]);
    }
}
