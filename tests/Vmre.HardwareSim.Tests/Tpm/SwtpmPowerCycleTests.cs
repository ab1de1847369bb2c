using System.Net.Sockets;
using Vmre.HardwareSim.Tpm;

namespace Vmre.HardwareSim.Tests.Tpm;

/// <summary>
/// Issue 10 point 1: before each measured start the TPM is power-cycled, which puts PCR 13 back to
/// zero. <see cref="SwtpmInstance.PowerCycle"/> does it in the same swtpm process, on the same port.
/// Checked with raw TPM 2.0 commands (PCR_Extend with a password session, PCR_Read), no TSS in between.
/// </summary>
public sealed class SwtpmPowerCycleTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "vmre-swtpm-cycle-" + Guid.NewGuid().ToString("N"));

    public void Dispose() { if (Directory.Exists(_state)) Directory.Delete(_state, recursive: true); }

    [Fact]
    public void A_power_cycle_puts_pcr_13_back_to_zero_on_the_same_port()
    {
        using var tpm = SwtpmInstance.Start(_state);
        var port = tpm.Port;
        Extend13(port);
        Assert.NotEqual(new byte[32], Read13(port));
        tpm.PowerCycle();
        Assert.Equal(port, tpm.Port);
        Assert.Equal(new byte[32], Read13(port));
        Extend13(port); // started again (TPM2_Startup): it takes commands
        Assert.NotEqual(new byte[32], Read13(port));
    }

    private static byte[] Command(int port, byte[] command)
    {
        using var client = new TcpClient();
        client.ReceiveTimeout = 5000;
        client.Connect("127.0.0.1", port);
        using var stream = client.GetStream();
        stream.Write(command);
        var header = new byte[10];
        stream.ReadExactly(header);
        Assert.Equal(new byte[] { 0, 0, 0, 0 }, header[6..10]); // TPM_RC_SUCCESS
        var rest = new byte[(header[2] << 24 | header[3] << 16 | header[4] << 8 | header[5]) - 10];
        stream.ReadExactly(rest);
        return rest;
    }

    /// <summary>TPM2_PCR_Extend(13, SHA-256 of 32 ones) under the empty password session.</summary>
    private static void Extend13(int port) => Command(port,
    [
        0x80, 0x02, 0, 0, 0, 65, 0, 0, 0x01, 0x82, 0, 0, 0, 13, // ST_SESSIONS, size, PCR_Extend, PCR 13
        0, 0, 0, 9, 0x40, 0, 0, 0x09, 0, 0, 0, 0, 0,            // auth area: TPM_RS_PW, no nonce, no attributes, empty hmac
        0, 0, 0, 1, 0, 0x0B, .. Enumerable.Repeat((byte)1, 32),  // one SHA-256 digest
    ]);

    /// <summary>TPM2_PCR_Read of PCR 13 in the SHA-256 bank: the last 32 bytes of the answer.</summary>
    private static byte[] Read13(int port) =>
        Command(port, [0x80, 0x01, 0, 0, 0, 20, 0, 0, 0x01, 0x7E, 0, 0, 0, 1, 0, 0x0B, 3, 0, 0x20, 0])[^32..];
}
