using System.Net.Sockets;

namespace Vmre.HardwareSim.Tpm;

/// <summary>
/// swtpm's control channel: 4-byte big-endian command codes. Only CMD_SHUTDOWN (3) is used,
/// to stop swtpm cleanly so it saves its state before exiting.
/// </summary>
internal static class SwtpmControl
{
    private const int CmdShutdown = 3;

    public static bool TryShutdown(SwtpmLoopback loopback, int controlPort)
    {
        try
        {
            using var stream = new NetworkStream(loopback.Connect(controlPort), ownsSocket: true);
            stream.Write([0, 0, 0, CmdShutdown]);
            var result = new byte[4];
            stream.ReadExactly(result);
            return result.All(b => b == 0); // TPM_SUCCESS
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }
}
