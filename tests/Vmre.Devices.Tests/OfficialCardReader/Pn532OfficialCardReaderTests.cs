using System.Collections.Concurrent;
using Vmre.Common.Cards;
using Vmre.HardwareSim.Nfc;
using Vmre.Devices.OfficialCardReader;

namespace Vmre.Devices.Tests.OfficialCardReader;

/// <summary>
/// The real reader (Iot.Device.Pn532 binding over System.IO.Ports) against the PN532
/// emulator on a pseudo-terminal: real frames, real checksums, real serial bytes.
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

    private static SimulatedTag OfficialTag(string credentialId) =>
        SimulatedTag.WithUserData(Uid, OfficialCardData.Encode(new OfficialCard(credentialId)));

    [Fact]
    public void A_valid_card_reads_its_credential_id()
    {
        _emulator.PresentCard(OfficialTag("PRES-01"));

        var reading = _reader.Read();

        var card = Assert.IsType<CardReading.Card>(reading);
        Assert.Equal("PRES-01", card.Official.CredentialId);
        string[] commands = [.. _notices.Where(n => n.Kind == Pn532NoticeKind.Command).Select(n => n.Detail)];
        // The binding's start-up (wake-up + SAM, SAM, version, parameters), then one look:
        // retries, list, two READs (19-byte image), release.
        Assert.Equal(["SAMConfiguration", "SAMConfiguration", "GetFirmwareVersion", "SetParameters"], commands[..4]);
        Assert.Equal(["SetParameters", "RFConfiguration", "InListPassiveTarget", "InDataExchange", "InDataExchange", "InRelease"], commands[^6..]);
        Assert.DoesNotContain(_notices, n => n.Kind is Pn532NoticeKind.BadChecksum or Pn532NoticeKind.SyntaxError);
    }

    [Fact]
    public void A_long_credential_id_is_read_over_several_blocks()
    {
        string id = "TEC-" + new string('7', 100);
        _emulator.PresentCard(OfficialTag(id));

        // Seven page reads: on a loaded machine one frame can be cut short by the binding's own
        // timeout, which reads as "unreadable", never as a wrong id. The terminal looks three times
        // (OfficialAtTerminal.Look), and so does this test; what it asserts is the id read whole.
        var reading = _reader.Read();
        for (var look = 1; look < 3 && reading is CardReading.Unreadable; look++) reading = _reader.Read();
        Assert.Equal(id, Assert.IsType<CardReading.Card>(reading).Official.CredentialId);
    }

    [Fact]
    public void No_card_is_no_card_and_the_reader_keeps_working()
    {
        Assert.IsType<CardReading.NoCard>(_reader.Read());

        _emulator.PresentCard(OfficialTag("SEC-01"));
        Assert.Equal("SEC-01", Assert.IsType<CardReading.Card>(_reader.Read()).Official.CredentialId);

        _emulator.RemoveCard();
        Assert.IsType<CardReading.NoCard>(_reader.Read());
    }

    [Fact]
    public void A_blank_tag_is_unreadable_with_the_reason()
    {
        _emulator.PresentCard(SimulatedTag.Blank(Uid));

        var reading = Assert.IsType<CardReading.Unreadable>(_reader.Read());
        Assert.Contains("no VMRE-K1 format tag", reading.Reason);
    }

    [Fact]
    public void A_card_whose_data_is_corrupted_is_unreadable()
    {
        byte[] image = OfficialCardData.Encode(new OfficialCard("PRES-01"));
        image[10] ^= 0x01; // one bit of the id flipped, as by a torn write
        _emulator.PresentCard(SimulatedTag.WithUserData(Uid, image));

        var reading = Assert.IsType<CardReading.Unreadable>(_reader.Read());
        Assert.Contains("checksum", reading.Reason);
    }

    [Fact]
    public void A_card_pulled_away_mid_read_is_unreadable_and_then_gone()
    {
        _emulator.PresentCard(OfficialTag("PRES-01"));
        _emulator.PullCardAfterReads(1); // pages 4-7 read, the card leaves before pages 8-11

        var reading = Assert.IsType<CardReading.Unreadable>(_reader.Read());
        Assert.Contains("page 8", reading.Reason);
        Assert.IsType<CardReading.NoCard>(_reader.Read());
    }

    [Fact]
    public void A_reader_that_is_gone_is_unreadable_never_an_exception()
    {
        _emulator.PresentCard(OfficialTag("PRES-01"));
        Assert.IsType<CardReading.Card>(_reader.Read());

        _emulator.Dispose();

        Assert.IsType<CardReading.Unreadable>(_reader.Read());
        Assert.IsType<CardReading.Unreadable>(_reader.Read()); // and again, from a fresh open
    }

    [Fact]
    public void A_port_that_does_not_exist_is_unreadable()
    {
        using var reader = new Pn532OfficialCardReader("/dev/pts/does-not-exist");

        var reading = Assert.IsType<CardReading.Unreadable>(reader.Read());
        Assert.Contains("/dev/pts/does-not-exist", reading.Reason);
    }
}
