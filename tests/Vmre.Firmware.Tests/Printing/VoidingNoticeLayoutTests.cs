using Vmre.Firmware.Printing;
using static Vmre.Firmware.Tests.Printing.TicketBytes;

namespace Vmre.Firmware.Tests.Printing;

public class VoidingNoticeLayoutTests
{
    const string Hash = "3f2a9c1b884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    const string Id = "0123456789ABCDEF0123";
    const string Payload = "VMRE-V1|3f2a9c1b|0123456789ABCDEF0123|COVER";

    static byte[] Notice() => VoidingNoticeLayout.Build(new VoidingNoticeData
    {
        ElectionName = "Gubernatura de Coahuila 2024",
        TestigoId = Id,
        Reason = VoidReason.CoverOpened,
        DeviceId = "T-CHI-01",
        PackageHash = Hash,
        QrPayload = Payload,
    });

    [Fact]
    public void Notice_shows_title_id_reason_device_hash_and_qr_then_cuts()
    {
        var t = Notice();
        Assert.Equal(new byte[] { 0x1B, 0x40 }, t.Take(2));
        Assert.Equal(new byte[] { 0x1D, 0x56, 0x42, 0x00 }, t.TakeLast(4));
        int title = IndexOfText(t, "TESTIGO ANULADO");
        int bigId = IndexOf(t, new byte[] { 0x1D, 0x21, 0x11 }.Concat(CodePage858.GetBytes(Id)).ToArray());
        int reason = IndexOfText(t, "Se abrió la cubierta de la impresora");
        int device = IndexOfText(t, "Dispositivo: T-CHI-01");
        int hash = IndexOfText(t, "Paquete: " + Hash[..16] + "\n");
        int qr = IndexOf(t, System.Text.Encoding.UTF8.GetBytes(Payload));
        Assert.True(title >= 0 && bigId > title && reason > bigId && device > reason && hash > device && qr > hash,
            $"order title {title} id {bigId} reason {reason} device {device} hash {hash} qr {qr}");
        Assert.True(IndexOf(t, new byte[] { 0x1B, 0x2D, 0x01 }) >= 0, "the reason label is underlined");
        Assert.Equal(-1, IndexOfText(t, Hash[..17]));
    }

    [Fact]
    public void Notice_carries_no_time()
    {
        var text = System.Text.Encoding.Latin1.GetString(Notice());
        Assert.DoesNotMatch(@"\d{1,2}:\d{2}", text);
        Assert.DoesNotMatch(@"\d{4}-\d{2}-\d{2}", text);
        var names = typeof(VoidingNoticeData).GetFields().Select(f => f.Name.ToLowerInvariant());
        Assert.DoesNotContain(names, n => n.Contains("time") || n.Contains("date") || n.Contains("seq") || n.Contains("order"));
    }

    [Fact]
    public void Missing_id_or_qr_throws()
    {
        Assert.Throws<ArgumentNullException>(() => VoidingNoticeLayout.Build(null!));
        Assert.Throws<ArgumentException>(() => VoidingNoticeLayout.Build(new VoidingNoticeData { TestigoId = Id }));
        Assert.Throws<ArgumentException>(() => VoidingNoticeLayout.Build(new VoidingNoticeData { QrPayload = Payload }));
    }

    [Fact]
    public void Testigo_prints_its_id_before_the_selections_and_again_after_the_qr()
    {
        const string qr = "VMRE-T1|3f2a9c1b|05|0123456789ABCDEF0123|GOB=PAN+PRI";
        var t = TestigoLayout.Build(new TestigoTicketData
        {
            ElectionName = "Gubernatura de Coahuila 2024",
            ContestTitles = new[] { "Gubernatura" },
            SelectionTexts = new[] { "PAN + PRI (coalición)" },
            TestigoId = Id,
            QrPayload = qr,
            PackageHash = Hash,
        });
        int first = IndexOfText(t, "Testigo " + Id + "\n");
        int selection = IndexOfText(t, "PAN + PRI (coalición)");
        int qrAt = IndexOf(t, System.Text.Encoding.UTF8.GetBytes(qr));
        int second = IndexOf(t.AsSpan(qrAt).ToArray(), Printed("Testigo " + Id + "\n"));
        Assert.True(first >= 0 && first < selection && selection < qrAt && second > 0, $"{first} {selection} {qrAt} {second}");
        var text = System.Text.Encoding.Latin1.GetString(t);
        Assert.DoesNotMatch(@"\d{1,2}:\d{2}", text);
    }
}
