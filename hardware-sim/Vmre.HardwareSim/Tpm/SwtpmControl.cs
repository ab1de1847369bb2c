using System.Net.Sockets;

namespace Vmre.HardwareSim.Tpm;

/// <summary>
/// swtpm's control channel: 4-byte big-endian command codes. CMD_SHUTDOWN (3) stops swtpm cleanly
/// so it saves its state before exiting; CMD_INIT (2, with 4 bytes of flags) resets the TPM as a
/// power cycle does (PCRs to their power-on values, issue 10 point 1) in the same process.
/// </summary>
internal static class SwtpmControl
{
    private const int CmdInit = 2;
    private const int CmdShutdown = 3;

    public static bool TryShutdown(SwtpmLoopback loopback, int controlPort) => TrySend(loopback, controlPort, [0, 0, 0, CmdShutdown]);

    public static bool TryInit(SwtpmLoopback loopback, int controlPort) => TrySend(loopback, controlPort, [0, 0, 0, CmdInit, 0, 0, 0, 0]);

    /// <summary>TPM2_Startup(TPM_SU_CLEAR) on the TPM command port: after CMD_INIT the TPM waits for it (swtpm's startup-clear flag applies only at launch).</summary>
    public static bool TryStartupClear(SwtpmLoopback loopback, int port)
    {
        try
        {
            using var stream = new NetworkStream(loopback.Connect(port), ownsSocket: true);
            stream.Write([0x80, 0x01, 0, 0, 0, 12, 0, 0, 0x01, 0x44, 0, 0]);
            var response = new byte[10];
            stream.ReadExactly(response);
            return response[6..].All(b => b == 0); // TPM_RC_SUCCESS
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return false;
        }
    }

    private static bool TrySend(SwtpmLoopback loopback, int controlPort, byte[] command)
    {
        try
        {
            using var stream = new NetworkStream(loopback.Connect(controlPort), ownsSocket: true);
            stream.Write(command);
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
