using System.Collections.Concurrent;
using System.IO.Ports;
using Vmre.HardwareSim.Nfc;

namespace Vmre.HardwareSim.Tests.Nfc;

/// <summary>PN532 frames over a real pseudo-terminal, bytes as the manual gives them.</summary>
public sealed class Pn532EmulatorTests : IDisposable
{
    private static readonly byte[] Uid = [0x04, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66];
    private static readonly byte[] WakeUp = [0x55, 0x55, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00];
    private static readonly byte[] Ack = [0x00, 0x00, 0xFF, 0x00, 0xFF, 0x00];
    private static readonly byte[] Nack = [0x00, 0x00, 0xFF, 0xFF, 0x00, 0x00];
    private static readonly byte[] ErrorFrame = [0x00, 0x00, 0xFF, 0x01, 0xFF, 0x7F, 0x81, 0x00];
    private readonly Pn532Emulator _emulator = new();
    private readonly ConcurrentQueue<Pn532Notice> _notices = new();
    private readonly SerialPort _port;

    public Pn532EmulatorTests()
    {
        _emulator.Noticed += _notices.Enqueue;
        _port = SerialClient.Open(_emulator.SlavePath);
    }

    public void Dispose()
    {
        _port.Dispose();
        _emulator.Dispose();
    }

    private static byte[] Frame(params byte[] commandAndParameters) =>
        Pn532Frames.Information(Pn532Frames.HostToChip, commandAndParameters);

    private void Wake()
    {
        _port.Write([.. WakeUp, .. Frame(0x14, 0x01, 0x17, 0x00)]);
        Assert.Equal(Ack, _port.ReadExactly(6));
        Assert.Equal([0x00, 0x00, 0xFF, 0x02, 0xFE, 0xD5, 0x15, 0x16, 0x00], _port.ReadExactly(9));
    }

    /// <summary>Sends one command, checks the ACK, returns the response frame's data after TFI.</summary>
    private byte[] Exchange(params byte[] commandAndParameters)
    {
        _port.Write(Frame(commandAndParameters));
        Assert.Equal(Ack, _port.ReadExactly(6));
        byte[] head = _port.ReadExactly(5);
        Assert.Equal([0x00, 0x00, 0xFF], head[..3]);
        Assert.Equal(0, (byte)(head[3] + head[4]));
        byte[] rest = _port.ReadExactly(head[3] + 2);
        Assert.Equal(0xD5, rest[0]);
        Assert.Equal(0, (byte)rest[..^1].Aggregate(0, (sum, b) => sum + b));
        Assert.Equal(0x00, rest[^1]);
        return rest[1..^2];
    }

    /// <summary>The emulator's notice, waited for with a bound: its thread may be late under load.</summary>
    private bool Saw(Pn532NoticeKind kind) =>
        SpinWait.SpinUntil(() => _notices.Any(n => n.Kind == kind), TimeSpan.FromSeconds(10));

    [Fact]
    public void The_frame_builder_gives_the_manuals_GetFirmwareVersion_frame() =>
        Assert.Equal([0x00, 0x00, 0xFF, 0x02, 0xFE, 0xD4, 0x02, 0x2A, 0x00], Frame(0x02));

    [Fact]
    public void Asleep_it_ignores_frames_until_the_wake_up()
    {
        Assert.True(_emulator.IsAsleep);
        _port.Write(Frame(0x02));
        // The emulator says it ignored the frame (bounded wait: under load its thread may be late)...
        Assert.True(Saw(Pn532NoticeKind.IgnoredWhileAsleep));
        // ...and answered nothing: nothing has arrived, and the emulator answers frames in order, so
        // a late answer to the ignored frame would come before the wake-up's ACK, which Wake() reads
        // byte for byte. (Not a read with a time-out: an abandoned read stays pending on the stream
        // and would swallow the first byte of the next answer.)
        Assert.Equal(0, _port.BytesToRead);

        Wake();
        Assert.False(_emulator.IsAsleep);
        Assert.Equal([0x03, 0x32, 0x01, 0x06, 0x07], Exchange(0x02));
    }

    [Fact]
    public void A_bad_data_checksum_gets_a_nack_and_the_next_frame_is_answered()
    {
        Wake();
        byte[] bad = Frame(0x02);
        bad[^2] ^= 0xFF;
        _port.Write(bad);
        Assert.Equal(Nack, _port.ReadExactly(6));
        Assert.True(Saw(Pn532NoticeKind.BadChecksum));
        Assert.Equal([0x03, 0x32, 0x01, 0x06, 0x07], Exchange(0x02));
    }

    [Fact]
    public void A_bad_length_checksum_gets_a_nack_and_the_next_frame_is_answered()
    {
        Wake();
        byte[] bad = Frame(0x02);
        bad[4] = 0x00;
        _port.Write(bad);
        Assert.Equal(Nack, _port.ReadExactly(6));
        Assert.Equal([0x03, 0x32, 0x01, 0x06, 0x07], Exchange(0x02));
    }

    [Fact]
    public void An_unknown_command_is_acked_then_answered_with_the_error_frame()
    {
        Wake();
        _port.Write(Frame(0x7E, 0x01));
        Assert.Equal(Ack, _port.ReadExactly(6));
        Assert.Equal(ErrorFrame, _port.ReadExactly(8));
        Assert.True(Saw(Pn532NoticeKind.SyntaxError));
    }

    [Fact]
    public void A_host_nack_gets_the_last_response_again()
    {
        Wake();
        Assert.Equal([0x03, 0x32, 0x01, 0x06, 0x07], Exchange(0x02));
        _port.Write(Nack);
        Assert.Equal(Pn532Frames.Information(Pn532Frames.ChipToHost, [0x03, 0x32, 0x01, 0x06, 0x07]), _port.ReadExactly(13));
    }

    [Fact]
    public void Listing_finds_the_ntag_with_its_atqa_sak_and_uid_or_no_target()
    {
        Wake();
        Assert.Equal([0x4B, 0x00], Exchange(0x4A, 0x01, 0x00));

        _emulator.PresentCard(SimulatedTag.Blank(Uid));
        Assert.Equal([0x4B, 0x01, 0x01, 0x00, 0x44, 0x00, 0x07, .. Uid], Exchange(0x4A, 0x01, 0x00));
        Assert.Equal([0x4B, 0x00], Exchange(0x4A, 0x01, 0x03)); // 106 kbps type B: none
    }

    [Fact]
    public void Type2_read_returns_four_pages_and_out_of_range_is_an_error_status()
    {
        byte[] user = [.. Enumerable.Range(1, 20).Select(i => (byte)i)];
        _emulator.PresentCard(SimulatedTag.WithUserData(Uid, user));
        Wake();
        Exchange(0x4A, 0x01, 0x00);

        Assert.Equal([0x41, 0x00, .. user[..16]], Exchange(0x40, 0x01, 0x30, 0x04));
        byte[] header = Exchange(0x40, 0x01, 0x30, 0x00);
        Assert.Equal([0x04, 0x11, 0x22, (byte)(0x88 ^ 0x04 ^ 0x11 ^ 0x22)], header[2..6]);
        Assert.Equal([0xE1, 0x10, 0x12, 0x00], header[14..18]); // capability container, page 3
        Assert.Equal(0x14, Exchange(0x40, 0x01, 0x30, 45)[1]);
        Assert.Equal(0x27, Exchange(0x40, 0x02, 0x30, 0x04)[1]); // no such target
    }

    [Fact]
    public void Type2_write_changes_a_user_page()
    {
        var tag = SimulatedTag.Blank(Uid);
        _emulator.PresentCard(tag);
        Wake();
        Exchange(0x4A, 0x01, 0x00);

        Assert.Equal([0x41, 0x00], Exchange(0x40, 0x01, 0xA2, 0x05, 0xDE, 0xAD, 0xBE, 0xEF));
        Assert.Equal([0xDE, 0xAD, 0xBE, 0xEF], tag.Page(5));
        Assert.Equal(0x14, Exchange(0x40, 0x01, 0xA2, 0x02, 0, 0, 0, 0)[1]); // lock page: refused
    }

    [Fact]
    public void A_pulled_card_stops_answering_and_leaves_the_field()
    {
        _emulator.PresentCard(SimulatedTag.Blank(Uid));
        _emulator.PullCardAfterExchanges(1);
        Wake();
        Exchange(0x4A, 0x01, 0x00);

        Assert.Equal(0x00, Exchange(0x40, 0x01, 0x30, 0x04)[1]);
        Assert.Equal([0x41, 0x01], Exchange(0x40, 0x01, 0x30, 0x08)); // time-out: no answer from the card
        Assert.Equal([0x4B, 0x00], Exchange(0x4A, 0x01, 0x00));
    }

    [Fact]
    public void Release_frees_the_target_and_power_down_puts_the_chip_to_sleep()
    {
        _emulator.PresentCard(SimulatedTag.Blank(Uid));
        Wake();
        Exchange(0x4A, 0x01, 0x00);
        Assert.Equal([0x53, 0x00], Exchange(0x52, 0x01));
        Assert.Equal([0x41, 0x27], Exchange(0x40, 0x01, 0x30, 0x04)); // released: not acceptable

        Assert.Equal([0x17, 0x00], Exchange(0x16, 0x20));
        Assert.True(_emulator.IsAsleep);
        Wake();
        Assert.Equal([0x03, 0x32, 0x01, 0x06, 0x07], Exchange(0x02));
    }
    [Fact]
    public void An_iso_dep_card_is_listed_with_its_ats_and_apdus_go_through_in_data_exchange()
    {
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid);
        _emulator.PresentCard(card);
        Wake();
        Assert.Equal([0x13], Exchange(0x12, 0x14)); // SetParameters: fAutomaticATR_RES | fAutomaticRATS, as the binding sets

        // PN532 user manual §7.3.5: Tg, SENS_RES, SEL_RES 0x20, NFCID1, then the ATS from the chip's own RATS.
        Assert.Equal([0x4B, 0x01, 0x01, 0x03, 0x44, 0x20, 0x07, .. Uid, 0x06, 0x78, 0x77, 0x81, 0x02, 0x80], Exchange(0x4A, 0x01, 0x00));
        Assert.Equal([0x41, 0x00, 0x07, .. "PRES-01"u8, 0x90, 0x00],
            Exchange(0x40, 0x01, 0x00, 0xA4, 0x04, 0x00, 0x07, 0xF0, 0x56, 0x4D, 0x52, 0x45, 0x4B, 0x32, 0x00));
        Assert.Equal([0x41, 0x00, 0x6D, 0x00], Exchange(0x40, 0x01, 0x80, 0xCA, 0x00, 0x00, 0x00)); // the card's own refusal, status 00
    }

    [Fact]
    public void Relisting_powers_the_card_up_again_so_nothing_stays_selected()
    {
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid);
        _emulator.PresentCard(card);
        Wake();
        Exchange(0x4A, 0x01, 0x00);
        Exchange(0x40, 0x01, 0x00, 0xA4, 0x04, 0x00, 0x07, 0xF0, 0x56, 0x4D, 0x52, 0x45, 0x4B, 0x32, 0x00);
        Assert.Equal([0x53, 0x00], Exchange(0x52, 0x01));
        Exchange(0x4A, 0x01, 0x00);
        Assert.Equal([0x41, 0x00, 0x69, 0x85], Exchange([0x40, 0x01, 0x80, 0x86, 0x00, 0x00, 0x20, .. new byte[32], 0x00]));
    }

    [Fact]
    public void Without_automatic_rats_the_card_is_listed_without_ats_and_ignores_raw_apdus()
    {
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid);
        _emulator.PresentCard(card);
        Wake();
        Exchange(0x12, 0x04); // fAutomaticRATS cleared

        Assert.Equal([0x4B, 0x01, 0x01, 0x03, 0x44, 0x20, 0x07, .. Uid], Exchange(0x4A, 0x01, 0x00));
        Assert.Equal([0x41, 0x01], Exchange(0x40, 0x01, 0x00, 0xA4, 0x04, 0x00, 0x07, 0xF0, 0x56, 0x4D, 0x52, 0x45, 0x4B, 0x32, 0x00));
    }

    [Fact]
    public void A_smart_card_pulled_mid_exchange_times_out_and_leaves_the_field()
    {
        using var card = SimulatedSmartCard.Personalise("PRES-01", "482913", Uid);
        _emulator.PresentCard(card);
        _emulator.PullCardAfterExchanges(1);
        Wake();
        Exchange(0x4A, 0x01, 0x00);

        Assert.Equal(0x00, Exchange(0x40, 0x01, 0x00, 0xA4, 0x04, 0x00, 0x07, 0xF0, 0x56, 0x4D, 0x52, 0x45, 0x4B, 0x32, 0x00)[1]);
        Assert.Equal([0x41, 0x01], Exchange([0x40, 0x01, 0x80, 0x86, 0x00, 0x00, 0x20, .. new byte[32], 0x00]));
        Assert.Equal([0x4B, 0x00], Exchange(0x4A, 0x01, 0x00));
    }
}
