using CsCheck;
using Vmre.Firmware.Printing;
using static Vmre.Firmware.Tests.Printing.TicketBytes;

namespace Vmre.Firmware.Tests.Printing;

public class LayoutTests
{
    const string Hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    static readonly byte[] Init = { 0x1B, 0x40 };
    static readonly byte[] Cut = { 0x1D, 0x56, 0x42, 0x00 };

    static ZeroReportData Zero(int[] counts, int total) => new()
    {
        ModuleId = "MRV-CHI", DeviceId = "TERM-03", ElectionName = "Proceso Electoral Local 2024 — Gubernatura de Coahuila",
        PackageHash = Hash, SoftwareHash = Hash, UtcTime = "2024-06-02 13:00:05 UTC",
        LocalTime = "2024-06-02 08:00:05 -05:00 (America/Chicago)",
        ContestLabels = new[] { "Gubernatura", "Diputación local distrito 05" }, ContestCounts = counts, TotalVotes = total,
    };

    [Fact]
    public void Zero_report_shape()
    {
        var t = ZeroReportLayout.Build(Zero(new[] { 0, 0 }, 0));
        Assert.Equal(Init, t.Take(2));
        Assert.Equal(Cut, t.TakeLast(4));
        Assert.True(ContainsText(t, "REPORTE DE INICIO"));
        Assert.True(ContainsText(t, "Módulo: MRV-CHI"));
        Assert.True(ContainsText(t, Hash.Substring(0, 48) + "\n" + Hash.Substring(48) + "\n"));
        Assert.True(ContainsText(t, "Gubernatura " + new string('.', 48 - 12 - 2) + " 0\n"));
        Assert.True(ContainsText(t, "TOTAL VOTOS"));
        Assert.True(ContainsText(t, "Firma presidente/a"));
        Assert.False(ContainsText(t, ZeroReportLayout.NonZeroWarning));
    }

    [Fact]
    public void Zero_report_shows_non_zero_counter_with_warning()
    {
        var t = ZeroReportLayout.Build(Zero(new[] { 0, 3 }, 3));
        Assert.True(ContainsText(t, ZeroReportLayout.NonZeroWarning));
        Assert.True(ContainsText(t, " 3\n"));
    }

    [Fact]
    public void Closing_record_aligns_counts()
    {
        var t = ClosingRecordLayout.Build(new ClosingRecordData
        {
            ModuleId = "MRV-MAD", DeviceId = "TERM-07", PackageHash = Hash,
            UtcTime = "2024-06-02 23:00:00 UTC", LocalTime = "2024-06-03 01:00:00 +02:00 (Europe/Madrid)",
            CountLabels = new[] { "GOB PAN", "GOB PAN+PRI+PRD", "GOB Candidaturas no registradas", "GOB Votos nulos" },
            Counts = new[] { 120, 7, 1, 2 },
            VotesSealed = 130, TestigosPrinted = 130, ActivationsRedeemed = 131, RecordHash = Hash,
        });
        Assert.Equal(Cut, t.TakeLast(4));
        Assert.True(ContainsText(t, "CONSTANCIA DE CIERRE"));
        var line = "Votos sellados " + new string('.', 48 - 15 - 4) + " 130\n";
        Assert.Equal(49, line.Length);
        Assert.True(ContainsText(t, line));
        Assert.True(ContainsText(t, "GOB PAN " + new string('.', 48 - 8 - 4) + " 120\n"));
        Assert.True(ContainsText(t, "Activaciones usadas"));
    }

    [Fact]
    public void Reports_show_both_times_device_and_package()
    {
        var zero = ZeroReportLayout.Build(new ZeroReportData
        {
            ModuleId = "MRV-CHI", DeviceId = "T-CHI-01", ElectionName = "Gubernatura", PackageHash = Hash, SoftwareHash = Hash,
            UtcTime = "2024-06-02 13:00:05 UTC", LocalTime = "2024-06-02 08:00:05 -05:00",
            ContestLabels = new[] { "Gubernatura" }, ContestCounts = new[] { 0 }, TotalVotes = 0,
        });
        var closing = ClosingRecordLayout.Build(new ClosingRecordData
        {
            ModuleId = "MRV-CHI", DeviceId = "T-CHI-01", PackageHash = Hash,
            UtcTime = "2024-06-02 23:00:05 UTC", LocalTime = "2024-06-02 18:00:05 -05:00",
            CountLabels = new[] { "GOB PAN" }, Counts = new[] { 1 }, RecordHash = Hash,
        });
        foreach (var (t, title) in new[] { (zero, "REPORTE DE INICIO"), (closing, "CONSTANCIA DE CIERRE") })
        {
            Assert.True(IndexOfText(t, title) >= 0);
            Assert.True(IndexOfText(t, "Hora UTC: 2024-06-02") >= 0);
            Assert.True(IndexOfText(t, "Hora local: 2024-06-02") >= 0);
            Assert.True(IndexOfText(t, "Dispositivo: T-CHI-01") >= 0);
            Assert.True(IndexOfText(t, "Paquete electoral (SHA-256):\n" + Hash[..48]) >= 0);
        }
    }

    [Fact]
    public void Closing_record_shows_voided_testigos_and_sessions_without_vote()
    {
        // rules.md R1, R6: officials reconcile testigos printed = sealed + voided on paper.
        var t = ClosingRecordLayout.Build(new ClosingRecordData
        {
            ModuleId = "MRV-CHI", DeviceId = "T-CHI-01", PackageHash = Hash,
            CountLabels = new[] { "GOB PAN" }, Counts = new[] { 5 },
            VotesSealed = 5, TestigosPrinted = 7, TestigosVoided = 2, ActivationsRedeemed = 6, SessionsWithoutVote = 1,
            RecordHash = Hash,
        });
        Assert.True(ContainsText(t, "Testigos anulados " + new string('.', 48 - 18 - 2) + " 2\n"));
        Assert.True(ContainsText(t, "Sesiones sin voto " + new string('.', 48 - 18 - 2) + " 1\n"));
        Assert.True(IndexOfText(t, "Testigos impresos") < IndexOfText(t, "Testigos anulados"));
    }

    [Fact]
    public void Mismatched_arrays_throw() =>
        Assert.Throws<ArgumentException>(() => ZeroReportLayout.Build(Zero(new[] { 0 }, 0)));

    [Fact]
    public void Wrap_and_leaders_stay_within_width() =>
        Gen.Select(Gen.String[Gen.Char["ABC áé"], 0, 200], Gen.Int[8, 48], Gen.Int[0, 99999]).Sample((text, width, n) =>
        {
            var wrapped = TicketText.Wrap(text, width);
            Assert.All(wrapped, l => Assert.True(l.Length <= width));
            Assert.Equal(text.Replace(" ", ""), string.Concat(wrapped).Replace(" ", ""));
            var lines = TicketText.Leaders(text, n.ToString(), width);
            Assert.All(lines, l => Assert.True(l.Length <= width));
            Assert.Equal(width, lines[^1].Length);
            Assert.EndsWith(" " + n, lines[^1]);
        }, iter: 3000);

    [Fact]
    public void Wrap_at_most_keeps_the_line_limit_and_the_width_and_marks_a_cut() =>
        Gen.Select(Gen.String[Gen.Char["ABC áé"], 0, 300], Gen.Int[8, 48], Gen.Int[1, 3]).Sample((text, width, max) =>
        {
            var all = TicketText.Wrap(text, width);
            var kept = TicketText.WrapAtMost(text, width, max);
            Assert.All(kept, l => Assert.True(l.Length <= width));
            Assert.Equal(Math.Min(all.Length, max), kept.Length);
            if (all.Length <= max) Assert.Equal(all, kept);
            else Assert.EndsWith("...", kept[^1]);
        }, iter: 3000);
}
