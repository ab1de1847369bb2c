using Vmre.Cli;
using Vmre.Devices.Tpm;

namespace Vmre.ModuleServer.Consoles;

/// <summary>
/// <c>vmre-module-server console provision|run</c> once the command line is parsed: the device key
/// in the console's TPM (as on a terminal), then the console serving the desk page on its loopback
/// and passing its API calls to the server's LAN face as this console (issue 8 point 1).
/// </summary>
public static class ConsoleRun
{
    public const string Name = "vmre-module-server console";

    public static int Provision(ConsoleOptions options, TextWriter output, TextWriter error)
    {
        try
        {
            using var tpm = new FapiTpm(ConsoleProvisioning.Fapi(options.DataDir, options.Tcti));
            ConsoleProvisioning.Provision(options.DataDir, tpm);
        }
        catch (Exception e) when (e is InvalidOperationException or TpmError or DllNotFoundException)
        {
            error.WriteLine($"{Name} provision refused: {e.Message}");
            return ExitCode.Refused;
        }
        output.WriteLine($"console {options.ConsoleId} provisioned; its public key is {Path.Combine(options.DataDir, ConsoleOptions.PublicKeyFile)}");
        output.WriteLine("pair it: vmre-provision module configure … --console " + options.ConsoleId + "=desk|observer:" + ConsoleOptions.PublicKeyFile);
        return ExitCode.Ok;
    }

    public static async Task<int> Serve(ConsoleOptions options, TextWriter output, TextWriter error, CancellationToken stop)
    {
        var pemPath = Path.Combine(options.DataDir, ConsoleOptions.PublicKeyFile);
        if (!File.Exists(pemPath))
        {
            error.WriteLine($"{Name} refused to start: console not provisioned ({pemPath} missing)");
            return ExitCode.Refused;
        }
        FapiTpm tpm;
        TpmSigner key;
        try
        {
            tpm = new FapiTpm(ConsoleProvisioning.Fapi(options.DataDir, options.Tcti));
            key = new TpmSigner(tpm);
        }
        catch (Exception e) when (e is TpmError or DllNotFoundException)
        {
            error.WriteLine($"{Name} refused to start: the TPM's device key is not usable ({e.Message})");
            return ExitCode.Refused;
        }
        using var _ = tpm;
        // The key this TPM holds must be the one written at provisioning (and so the one paired).
        if (key.PublicKeyPem.Trim() != File.ReadAllText(pemPath).Trim())
        {
            error.WriteLine($"{Name} refused to start: the TPM's device key is not the one in {pemPath}");
            return ExitCode.Refused;
        }
        var built = ConsoleApp.Build(options, key);
        if (!built.IsOk)
        {
            error.WriteLine($"{Name} refused to start: {built.Error}");
            return ExitCode.Refused;
        }
        await using var console = built.Value!;
        await console.StartAsync(stop);
        output.WriteLine($"console {options.ConsoleId}: desk page on {console.KioskUrl}/desk/ (loopback only); API calls go to {options.ServerUrl} over mutual TLS");
        output.Flush();
        await console.Kiosk.WaitForShutdownAsync(stop);
        await console.StopAsync();
        return ExitCode.Ok;
    }
}
