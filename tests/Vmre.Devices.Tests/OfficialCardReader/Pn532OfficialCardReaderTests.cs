using System.Collections.Concurrent;
using Vmre.Common.Cards;
using Vmre.HardwareSim.Nfc;
using Vmre.Devices.OfficialCardReader;

namespace Vmre.Devices.Tests.OfficialCardReader;

/// <summary>
/// The real reader (Iot.Device.Pn532 binding over System.IO.Ports) against the PN532
/// emulator on a pseudo-terminal: real frames, real checksums, real serial bytes; a VMRE-K2
/// card's presence, and what is not one.
/// </summary>
[Collection(SerialTimingCollection.Name)]
public sealed class Pn532OfficialCardReaderTests : IDisposable
{
    private static readonly byte[] Uid = [0x04, 0x5A, 0x2C, 0x91, 0x3E, 0x6B, 0x80];
    private readonly Pn532Emulator _emulator = new();
    private readonly ConcurrentQueue<Pn532Notice> _notices = new();
    private readonly Pn532OfficialCardReader _reader;

    public Pn532OfficialCardReaderTests()
    {
        _emulator.Noticed += _notices.Enqueue;
        _reader = new Pn532OfficialCardReader(_emulator.SlavePath);
    }

    public void Dispose()
    {
        _reader.Dispose();
        _emulator.Dispose();
    }

    [Fact]
    public void A_card_reads_its_credential_id_from_the_applet()
    {
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid);
        _emulator.PresentCard(card);

        var reading = _reader.Read();

        Assert.Equal("PRES-01", Assert.IsType<CardReading.Card>(reading).Official.CredentialId);
        string[] commands = [.. _notices.Where(n => n.Kind == Pn532NoticeKind.Command).Select(n => n.Detail)];
        // The binding's start-up (wake-up + SAM, SAM, version, parameters; on a loaded machine it
        // may take a second open), then one look: retries, list (the chip does RATS itself),
        // SELECT in one InDataExchange, release.
        Assert.Equal(["SAMConfiguration", "SAMConfiguration", "GetFirmwareVersion", "SetParameters"], commands[^8..^4]);
        Assert.Equal(["RFConfiguration", "InListPassiveTarget", "InDataExchange", "InRelease"], commands[^4..]);
        Assert.DoesNotContain(_notices, n => n.Kind is Pn532NoticeKind.BadChecksum or Pn532NoticeKind.SyntaxError);
    }

    [Fact]
    public void The_right_pin_gives_pin_accepted_signed_by_the_card()
    {
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid);
        _emulator.PresentCard(card);
        var challenge = CardChallenge.New();

        var answer = Answered(_reader.Authenticate(challenge, "482913"));

        Assert.Equal(new("PRES-01", CardVerdict.PinAccepted), (answer.CredentialId, answer.Verdict));
        Assert.Equal(CardVerdict.PinAccepted, CardProof.Check(answer, challenge, "PRES-01", KeyOf(card)).ValueOrThrow());
        Assert.False(CardProof.Check(answer, CardChallenge.New(), "PRES-01", KeyOf(card)).IsOk); // not a proof for any other challenge
    }

    [Fact]
    public void A_wrong_pin_is_signed_pin_wrong_and_costs_the_card_one_try()
    {
        using var card = SimulatedSmartCard.Personalise("SEC-01", "615204", Uid);
        _emulator.PresentCard(card);
        var challenge = CardChallenge.New();

        var exchange = _reader.Authenticate(challenge, "615205");

        var answer = Answered(exchange);
        Assert.Equal(CardVerdict.PinWrong, CardProof.Check(answer, challenge, "SEC-01", KeyOf(card)).ValueOrThrow());
        Assert.Equal(K2Applet.PinTries - 1, card.PinTriesLeft);
        Assert.DoesNotContain("615205", exchange.ToString());
    }

    [Fact]
    public void Ten_wrong_pins_block_the_card_for_good_and_it_says_so_signed()
    {
        using var card = SimulatedSmartCard.Personalise("ESC-01", "739051", Uid);
        _emulator.PresentCard(card);
        var verdicts = new List<CardVerdict>();
        for (int i = 0; i < K2Applet.PinTries; i++) verdicts.Add(Answered(_reader.Authenticate(CardChallenge.New(), "0000")).Verdict);

        Assert.Equal([.. Enumerable.Repeat(CardVerdict.PinWrong, 9), CardVerdict.CardBlocked], verdicts);
        var challenge = CardChallenge.New();
        var afterwards = Answered(_reader.Authenticate(challenge, "739051")); // the right PIN no longer helps
        Assert.Equal(CardVerdict.CardBlocked, CardProof.Check(afterwards, challenge, "ESC-01", KeyOf(card)).ValueOrThrow());
    }

    [Fact]
    public void Presence_is_the_card_signing_the_challenge_without_a_pin()
    {
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid);
        _emulator.PresentCard(card);
        var challenge = CardChallenge.New();

        var answer = Answered(_reader.Presence(challenge));

        Assert.Equal(CardVerdict.Present, CardProof.Check(answer, challenge, "PRES-01", KeyOf(card)).ValueOrThrow());
        Assert.Equal(K2Applet.PinTries, card.PinTriesLeft);
    }

    [Fact]
    public void A_card_personalised_with_another_key_is_refused_by_the_proof()
    {
        using var genuine = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid);
        using var forged = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid); // same id and PIN, its own key
        _emulator.PresentCard(forged);
        var challenge = CardChallenge.New();

        var answer = Answered(_reader.Authenticate(challenge, "482913"));

        Assert.Equal(CardVerdict.PinAccepted, answer.Verdict); // what the forged card claims...
        var proof = CardProof.Check(answer, challenge, "PRES-01", KeyOf(genuine));
        Assert.False(proof.IsOk); // ...is not signed by the card registered for PRES-01
        Assert.Contains("not signed by the card registered for PRES-01", proof.Error);
    }

    [Theory]
    [InlineData("123")]
    [InlineData("123456789")]
    [InlineData("12a4")]
    [InlineData("")]
    public void A_malformed_pin_never_reaches_the_card(string pin)
    {
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid);
        _emulator.PresentCard(card);

        var failed = Assert.IsType<CardExchange.Failed>(_reader.Authenticate(CardChallenge.New(), pin));

        Assert.Equal("the PIN must be 4 to 8 digits", failed.Reason);
        Assert.Equal(K2Applet.PinTries, card.PinTriesLeft);
        Assert.DoesNotContain(_notices, n => n.Detail == "InDataExchange");
    }

    [Fact]
    public void No_card_is_no_card_for_every_exchange_and_the_reader_keeps_working()
    {
        Assert.IsType<CardReading.NoCard>(_reader.Read());
        Assert.IsType<CardExchange.NoCard>(_reader.Authenticate(CardChallenge.New(), "482913"));
        Assert.IsType<CardExchange.NoCard>(_reader.Presence(CardChallenge.New()));

        using var card = SimulatedSmartCard.Personalise("SEC-01", "615204", Uid);
        _emulator.PresentCard(card);
        Assert.Equal("SEC-01", Assert.IsType<CardReading.Card>(_reader.Read()).Official.CredentialId);

        _emulator.RemoveCard();
        Assert.IsType<CardExchange.NoCard>(_reader.Presence(CardChallenge.New()));
    }

    [Fact]
    public void A_type_2_tag_even_one_written_as_a_retired_vmre_k1_card_is_not_an_official_card()
    {
        // The old VMRE-K1 image of PRES-01 (official-card.md v1): anyone could write it.
        byte[] k1 = Convert.FromHexString("564D52452D4B3107505245532D3031C10DC11C00000000000000000000000000");
        foreach (var tag in new[] { SimulatedTag.WithUserData(Uid, k1), SimulatedTag.Blank(Uid) })
        {
            _emulator.PresentCard(tag);
            Assert.Contains("not a VMRE official card", Assert.IsType<CardReading.Unreadable>(_reader.Read()).Reason);
            Assert.Contains("SAK 0x00", Assert.IsType<CardExchange.Failed>(_reader.Authenticate(CardChallenge.New(), "482913")).Reason);
            Assert.IsType<CardExchange.Failed>(_reader.Presence(CardChallenge.New()));
        }
    }

    [Fact]
    public void A_card_pulled_away_mid_exchange_fails_is_not_counted_and_then_is_gone()
    {
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid);
        _emulator.PresentCard(card);
        _emulator.PullCardAfterExchanges(1); // SELECT answered; the card leaves before AUTHENTICATE

        var failed = Assert.IsType<CardExchange.Failed>(_reader.Authenticate(CardChallenge.New(), "000000"));

        Assert.Contains("stopped answering during AUTHENTICATE", failed.Reason);
        Assert.Equal(K2Applet.PinTries, card.PinTriesLeft); // the PIN never reached it
        Assert.IsType<CardExchange.NoCard>(_reader.Presence(CardChallenge.New()));
    }

    [Fact]
    public void A_card_pulled_away_during_select_or_presence_is_a_card_gone()
    {
        // SELECT and PRESENCE count nothing on the card: no answer is looked at again from a fresh
        // port, which finds the field empty.
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid);
        _emulator.PresentCard(card);
        _emulator.PullCardAfterExchanges(0);
        Assert.IsType<CardReading.NoCard>(_reader.Read());

        _emulator.PresentCard(card);
        _emulator.PullCardAfterExchanges(1); // SELECT answered, PRESENCE not
        int listed = _notices.Count(n => n.Detail == "InListPassiveTarget");
        Assert.IsType<CardExchange.NoCard>(_reader.Presence(CardChallenge.New()));
        Assert.True(_notices.Count(n => n.Detail == "InListPassiveTarget") >= listed + 2); // the look, and the look again
    }

    [Fact]
    public void A_reader_that_is_gone_fails_never_an_exception()
    {
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid);
        _emulator.PresentCard(card);
        Assert.IsType<CardReading.Card>(_reader.Read());

        _emulator.Dispose();

        Assert.IsType<CardReading.Unreadable>(_reader.Read());
        var failed = Assert.IsType<CardExchange.Failed>(_reader.Authenticate(CardChallenge.New(), "482913"));
        Assert.DoesNotContain("482913", failed.Reason);
        Assert.IsType<CardExchange.Failed>(_reader.Presence(CardChallenge.New())); // and again, from a fresh open
    }

    [Fact]
    public void A_port_that_does_not_exist_is_unreadable()
    {
        using var reader = new Pn532OfficialCardReader("/dev/pts/does-not-exist");

        var reading = Assert.IsType<CardReading.Unreadable>(reader.Read());
        Assert.Contains("/dev/pts/does-not-exist", reading.Reason);
    }

    private static CardAnswer Answered(CardExchange exchange) =>
        exchange is CardExchange.Answered answered ? answered.Answer : throw new Xunit.Sdk.XunitException($"expected an answer, got {exchange}");

    private static Vmre.Common.Signing.PublicKey KeyOf(SimulatedSmartCard card) => Vmre.Common.Signing.PublicKey.FromPem(card.PublicKeyPem);
}
