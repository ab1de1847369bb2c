using System.Text;
using Vmre.HardwareSim.Scanner;

namespace Vmre.HardwareSim.Tests.Scanner;

public class ScannerEmulatorTests
{
    [Fact]
    public void Scan_arrives_as_utf8_text_and_carriage_return()
    {
        using var scanner = new ScannerEmulator();
        using var port = SerialClient.Open(scanner.SlavePath);
        scanner.Scan("VMRE-ACT|5f3a|Ñ");
        var expected = Encoding.UTF8.GetBytes("VMRE-ACT|5f3a|Ñ\r");
        Assert.Equal(expected, port.ReadExactly(expected.Length));
    }

    [Fact]
    public void Serial_port_read_to_carriage_return_gets_one_scan_each()
    {
        using var scanner = new ScannerEmulator();
        using var port = SerialClient.Open(scanner.SlavePath);
        port.NewLine = "\r";
        scanner.Scan("uno");
        scanner.Scan("dos");
        Assert.Equal("uno", port.ReadLine());
        Assert.Equal("dos", port.ReadLine());
    }

    [Fact]
    public void Mrz_lines_are_joined_by_lf_and_ended_by_cr()
    {
        string[] mrz =
        [
            "IDMEX1234567890<<<<<<<<<<<<<<<",
            "8001014M3012315MEX<<<<<<<<<<<4",
            "GARCIA<LOPEZ<<JUAN<<<<<<<<<<<<",
        ];
        using var scanner = new ScannerEmulator();
        using var port = SerialClient.Open(scanner.SlavePath);
        scanner.ScanMrz(mrz);
        var expected = Encoding.ASCII.GetBytes(string.Join('\n', mrz) + "\r");
        Assert.Equal(expected, port.ReadExactly(expected.Length));
    }
}
