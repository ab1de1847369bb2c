using System.Security.Cryptography;
using Vmre.Common.Cards;
using Vmre.Common.Signing;
using Vmre.HardwareSim.Nfc;

namespace Vmre.HardwareSim.Tests.Nfc;

/// <summary>
/// The VMRE-K2 applet's APDUs and status words (docs/formats/official-card.md v2), byte for byte,
/// straight to the card: what the PN532 hands it after stripping the I-blocks.
/// </summary>
public sealed class SimulatedSmartCardTests : IDisposable
{
    private static readonly byte[] Challenge = [.. Enumerable.Range(0, 32).Select(i => (byte)(0xA0 + i))];
    private static readonly byte[] Select = [0x00, 0xA4, 0x04, 0x00, 0x07, 0xF0, 0x56, 0x4D, 0x52, 0x45, 0x4B, 0x32, 0x00];
    private readonly SimulatedSmartCard _card = SimulatedSmartCard.Personalise("PRES-01", "482913", [0x04, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06]);

    public void Dispose() => _card.Dispose();

    private byte[] Send(params byte[] apdu) => _card.Answer(apdu)!;

    private static byte[] Authenticate(string pin) =>
        [0x80, 0x88, 0x00, 0x00, (byte)(32 + pin.Length), .. Challenge, .. System.Text.Encoding.ASCII.GetBytes(pin), 0x00];

    private static byte[] Presence() => [0x80, 0x86, 0x00, 0x00, 0x20, .. Challenge, 0x00];

    private static string Sw(byte[] response) => Convert.ToHexString(response[^2..]);

    private PublicKey Key => PublicKey.FromPem(_card.PublicKeyPem);

    private bool Verifies(byte[] response, CardVerdict verdict) =>
        response[0] == (byte)verdict && Key.Verify(CardStatement.Bytes(verdict, CardChallenge.From(Challenge), "PRES-01"), response[1..^2]);

    [Fact]
    public void It_is_an_iso_dep_type_a_card_with_an_ats()
    {
        Assert.Equal(0x20, _card.Sak);
        Assert.Equal(0x0344, _card.Atqa);
        Assert.Equal([0x06, 0x78, 0x77, 0x81, 0x02, 0x80], _card.Ats);
        Assert.Equal(_card.Ats![0], _card.Ats.Length); // TL counts itself
        Assert.Equal(0x0304, SimulatedSmartCard.Personalise("A", "1234", [0x08, 1, 2, 3]).Atqa); // a 4-byte UID
    }

    [Fact]
    public void Select_by_the_aid_gives_the_credential_id()
    {
        Assert.Equal([0x07, .. "PRES-01"u8, 0x90, 0x00], Send(Select));
    }

    [Fact]
    public void Select_of_another_aid_is_file_not_found_and_keeps_the_selection()
    {
        Assert.Equal("6A82", Sw(Send(0x00, 0xA4, 0x04, 0x00, 0x07, 0xA0, 0x00, 0x00, 0x00, 0x03, 0x10, 0x10, 0x00)));
        Assert.Equal("6985", Sw(Send(Presence())));
        Send(Select);
        Assert.Equal("6A82", Sw(Send(0x00, 0xA4, 0x04, 0x00, 0x05, 0xA0, 0x00, 0x00, 0x00, 0x03, 0x00)));
        Assert.Equal("9000", Sw(Send(Presence())));
    }

    [Fact]
    public void Authenticate_and_presence_before_select_are_refused()
    {
        Assert.Equal([0x69, 0x85], Send(Authenticate("482913")));
        Assert.Equal([0x69, 0x85], Send(Presence()));
        Assert.Equal(K2Applet.PinTries, _card.PinTriesLeft);
    }

    [Fact]
    public void Power_on_forgets_the_selection()
    {
        Send(Select);
        _card.PowerOn();
        Assert.Equal("6985", Sw(Send(Presence())));
    }

    [Fact]
    public void The_right_pin_is_accepted_and_signed()
    {
        Send(Select);
        var response = Send(Authenticate("482913"));
        Assert.Equal("9000", Sw(response));
        Assert.True(Verifies(response, CardVerdict.PinAccepted));
    }

    [Fact]
    public void A_wrong_pin_is_signed_and_counted_and_the_right_one_resets_the_count()
    {
        Send(Select);
        var wrong = Send(Authenticate("48291"));
        Assert.True(Verifies(wrong, CardVerdict.PinWrong));
        Assert.False(Verifies(wrong, CardVerdict.PinAccepted)); // the verdict is in the signed bytes
        Send(Authenticate("00000000"));
        Assert.Equal(K2Applet.PinTries - 2, _card.PinTriesLeft);
        Assert.True(Verifies(Send(Authenticate("482913")), CardVerdict.PinAccepted));
        Assert.Equal(K2Applet.PinTries, _card.PinTriesLeft);
    }

    [Fact]
    public void Ten_consecutive_wrong_pins_block_the_card_for_good()
    {
        Send(Select);
        for (int i = 1; i < K2Applet.PinTries; i++) Assert.True(Verifies(Send(Authenticate("1111")), CardVerdict.PinWrong));
        Assert.True(Verifies(Send(Authenticate("1111")), CardVerdict.CardBlocked));
        Assert.True(_card.IsBlocked);
        Assert.True(Verifies(Send(Authenticate("482913")), CardVerdict.CardBlocked));
        _card.PowerOn();
        Send(Select);
        Assert.True(Verifies(Send(Authenticate("482913")), CardVerdict.CardBlocked)); // power does not unblock it
        Assert.True(Verifies(Send(Presence()), CardVerdict.Present)); // it is still the official's card
    }

    [Fact]
    public void Presence_signs_the_challenge_with_verdict_10()
    {
        Send(Select);
        var response = Send(Presence());
        Assert.Equal("9000", Sw(response));
        Assert.True(Verifies(response, CardVerdict.Present));
    }

    [Theory]
    [InlineData("80880000")]                    // case 1
    [InlineData("8088000000")]                  // case 2 (Le only)
    [InlineData("80860000200102")]              // Lc announces more than is there
    [InlineData("00A40400")]                    // SELECT without its AID
    [InlineData("00A4040007F0564D52454B32")]    // SELECT without Le (case 3)
    [InlineData("00A4040007F0564D52454B3201")]  // Le not 00
    public void Wrong_lengths_are_6700(string hex)
    {
        Send(Select);
        Assert.Equal("6700", Sw(Send(Convert.FromHexString(hex))));
    }

    [Fact]
    public void Authenticate_with_a_pin_too_short_or_too_long_is_6700_and_costs_nothing()
    {
        Send(Select);
        Assert.Equal("6700", Sw(Send(Authenticate("123"))));
        Assert.Equal("6700", Sw(Send(Authenticate("123456789"))));
        Assert.Equal("6700", Sw(Send([0x80, 0x86, 0x00, 0x00, 0x1F, .. Challenge[..31], 0x00]))); // a 31-byte challenge
        Assert.Equal(K2Applet.PinTries, _card.PinTriesLeft);
    }

    [Fact]
    public void A_pin_that_is_not_digits_is_6A80_and_costs_nothing()
    {
        Send(Select);
        Assert.Equal([0x6A, 0x80], Send(Authenticate("48a913")));
        Assert.Equal(K2Applet.PinTries, _card.PinTriesLeft);
    }

    [Fact]
    public void Unknown_instructions_classes_and_parameters_are_refused()
    {
        Send(Select);
        Assert.Equal([0x6D, 0x00], Send(0x80, 0xCA, 0x00, 0x00, 0x00));     // GET DATA: not in this applet
        Assert.Equal([0x6D, 0x00], Send(0x00, 0x88, 0x00, 0x00, 0x00));     // AUTHENTICATE's INS under the ISO class
        Assert.Equal([0x6E, 0x00], Send(0x90, 0x88, 0x00, 0x00, 0x00));     // a class the card does not know
        Assert.Equal([0x6E, 0x00], Send(0x84, 0xA4, 0x04, 0x00));
        Assert.Equal([0x6A, 0x86], Send([0x80, 0x86, 0x01, 0x00, 0x20, .. Challenge, 0x00]));
        Assert.Equal([0x6A, 0x86], Send([0x00, 0xA4, 0x00, 0x00, 0x02, 0x3F, 0x00, 0x00])); // SELECT by file id
        Assert.Equal([0x67, 0x00], Send(0x80, 0x88));                        // not even a header
    }

    [Fact]
    public void Each_card_has_its_own_key()
    {
        using var other = SimulatedSmartCard.Personalise("PRES-01", "482913");
        Assert.NotEqual(_card.PublicKeyPem, other.PublicKeyPem);
        Assert.Equal(7, other.Uid.Length);
        Assert.Equal(0x04, other.Uid[0]);
    }

    [Theory]
    [InlineData("PRES 01", "1234")]
    [InlineData("", "1234")]
    [InlineData("PRES-01", "123")]
    [InlineData("PRES-01", "12345678a")]
    public void Personalising_refuses_what_the_card_cannot_hold(string id, string pin) =>
        Assert.Throws<ArgumentException>(() => SimulatedSmartCard.Personalise(id, pin));

    [Fact]
    public void A_uid_must_be_4_or_7_bytes_and_not_start_with_the_cascade_tag()
    {
        Assert.Throws<ArgumentException>(() => SimulatedSmartCard.Personalise("A", "1234", [1, 2, 3, 4, 5]));
        Assert.Throws<ArgumentException>(() => SimulatedSmartCard.Personalise("A", "1234", [0x88, 2, 3, 4]));
    }

    [Fact]
    public void The_signature_is_der_over_sha256_of_the_statement()
    {
        Send(Select);
        var response = Send(Presence());
        using var key = ECDsa.Create();
        key.ImportFromPem(_card.PublicKeyPem);
        Assert.Equal(0x30, response[1]);
        Assert.True(key.VerifyData(CardStatement.Bytes(CardVerdict.Present, CardChallenge.From(Challenge), "PRES-01"), response[1..^2],
            HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
    }
}
