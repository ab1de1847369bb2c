using System.Net.Sockets;
using Vmre.HardwareSim.Tpm;

namespace Vmre.HardwareSim.Tests.Tpm;

public sealed class SwtpmInstanceTests : IDisposable
{
    private readonly string _state = Path.Combine(Path.GetTempPath(), "vmre-swtpm-test-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        foreach (var dir in new[] { _state, _state + "-a", _state + "-b" })
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    /// <summary>TPM2_GetRandom(8), raw on the command port: proves a TPM answers, not just a socket.</summary>
    private static byte[] GetRandom(int port)
    {
        using var client = new TcpClient();
        client.ReceiveTimeout = 5000;
        client.Connect("127.0.0.1", port);
        using var stream = client.GetStream();
        stream.Write([0x80, 0x01, 0, 0, 0, 12, 0, 0, 0x01, 0x7B, 0, 8]);
        var response = new byte[20];
        stream.ReadExactly(response);
        Assert.Equal(new byte[] { 0, 0, 0, 0 }, response[6..10]); // TPM_RC_SUCCESS
        Assert.Equal(new byte[] { 0, 8 }, response[10..12]);
        return response[12..];
    }

    private static bool Accepts(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException) { return false; }
    }

    [Fact]
    public void Starts_answers_tpm_commands_and_closes_its_port_on_dispose()
    {
        int port;
        using (var tpm = SwtpmInstance.Start(_state))
        {
            port = tpm.Port;
            Assert.Equal($"swtpm:host=127.0.0.1,port={port}", tpm.Tcti);
            Assert.Equal(port + 1, tpm.ControlPort);
            Assert.Equal(8, GetRandom(port).Length);
        }
        Assert.False(Accepts(port));
        Assert.True(Directory.EnumerateFiles(_state).Any(), "swtpm left no state behind");
    }

    [Fact]
    public void Restart_on_the_same_state_directory_works()
    {
        using var tpm = SwtpmInstance.Start(_state);
        GetRandom(tpm.Port);
        tpm.Restart();
        Assert.True(tpm.IsRunning);
        GetRandom(tpm.Port);

        tpm.Dispose();
        using var again = SwtpmInstance.Start(_state);
        GetRandom(again.Port);
    }

    [Fact]
    public void Two_instances_get_different_ports()
    {
        using var a = SwtpmInstance.Start(_state + "-a");
        using var b = SwtpmInstance.Start(_state + "-b");
        Assert.NotEqual(a.Port, b.Port);
        GetRandom(a.Port);
        GetRandom(b.Port);
    }
}
