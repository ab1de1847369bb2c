using System.Diagnostics;
using Vmre.HardwareSim.Printer;
using Vmre.Simulator.Papers;

namespace Vmre.EndToEnd.Tests;

/// <summary>
/// rules.md R3: the testigo box must not reveal the cast order through file times. The
/// modification time can be set, but the change time (and inode order) cannot: files written as
/// the votes are cast keep their cast order in ctime. The box is therefore written only when
/// sealed, in name (random) order.
/// </summary>
public sealed class TestigoBoxTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "vmre-box-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    private static PrintedPaper Testigo(int i) =>
        new([0x89, (byte)'P', (byte)'N', (byte)'G', (byte)i, (byte)(i * 7), (byte)(i * 13)], "TESTIGO DEL VOTO\nprueba " + i, []);

    [Fact]
    public void Nothing_reaches_the_box_before_it_is_sealed_and_sealing_writes_in_name_order()
    {
        var tray = new PaperTray(_dir);
        var sink = tray.SinkFor("T-TEST-01");
        for (var i = 1; i <= 8; i++)
        {
            sink(Testigo(i));
            Thread.Sleep(20); // voters cast at a pace (a modelled duration): cast order would show in change times written so
        }
        for (var i = 1; i <= 8; i++) tray.TakeTestigo("T-TEST-01", TimeSpan.FromSeconds(5)); // the voter looks at it
        Assert.Equal(0, tray.TestigoCount);

        tray.SealBox();
        tray.SealBox(); // idempotent

        var files = Directory.GetFiles(tray.TestigoBox, "*.png");
        Assert.Equal(8, files.Length);
        Assert.Equal(8, tray.TestigoCount);
        Assert.Single(files.Select(File.GetLastWriteTimeUtc).Distinct());
        var byName = files.Order(StringComparer.Ordinal).ToList();
        var byChange = files.OrderBy(ChangeTime).ThenBy(f => f, StringComparer.Ordinal).ToList();
        Assert.Equal(byName, byChange);
    }

    [Fact]
    public void Two_voters_who_marked_alike_print_the_same_paper_and_both_are_in_the_box()
    {
        var tray = new PaperTray(_dir);
        var sink = tray.SinkFor("T-TEST-01");
        sink(Testigo(1));
        sink(Testigo(1)); // no id on a testigo (issue 9 point 1): the same marks print the same image
        tray.SealBox();
        Assert.Equal(2, tray.TestigoCount);
    }

    [Fact]
    public void A_voided_testigo_and_a_torn_one_go_into_the_box_by_what_a_person_reads_on_them()
    {
        var tray = new PaperTray(_dir);
        var sink = tray.SinkFor("T-TEST-01");
        // Lines under the void band are not in a paper's text (a person cannot read them): it begins with ANULADO.
        sink(new PrintedPaper([0x89, (byte)'P', 1], "\n   \nANULADO\nLa persona votante rechazó el testigo\nEste papel no cuenta en el recuento", []));
        sink(new PrintedPaper([0x89, (byte)'P', 2], "TESTIGO DEL VOTO\nProceso", []) { Torn = true });
        sink(new PrintedPaper([0x89, (byte)'P', 3], "ACTA DE ESCRUTINIO Y CÓMPUTO\nANULADO", []));

        Assert.Equal(PaperKind.VoidedTestigo, PaperKinds.Of(tray.TakeVoided("T-TEST-01", TimeSpan.FromSeconds(5)).Text));
        Assert.True(tray.TakeTorn("T-TEST-01", TimeSpan.FromSeconds(5)).Torn);
        Assert.Equal((1, 1, 0), (tray.VoidedCount, tray.TornCount, tray.TestigoCount));
        tray.SealBox();
        Assert.Equal(2, tray.TestigoCount); // the acta is not in the box
    }

    /// <summary>st_ctime in nanoseconds (GNU stat); .NET does not expose it.</summary>
    private static decimal ChangeTime(string path)
    {
        var info = new ProcessStartInfo("stat", ["-c", "%.9Z", path]) { RedirectStandardOutput = true };
        using var stat = Process.Start(info)!;
        var text = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }
}
