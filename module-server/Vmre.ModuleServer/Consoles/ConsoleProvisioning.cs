using Vmre.Devices.Tpm;

namespace Vmre.ModuleServer.Consoles;

/// <summary>
/// Run by the technician on the console (brief section 2.1), the way a terminal is provisioned:
/// the device key is made inside the console's TPM and never leaves it; its public key, written to
/// <c>DIR/console-public.pem</c>, is what <c>vmre-provision module configure --console
/// ID=desk|observer:PUBKEY.pem</c> pins in the signed module config (issue 8 point 1).
/// </summary>
public static class ConsoleProvisioning
{
    public static string Provision(string dataDir, IDeviceTpm tpm)
    {
        var path = Path.Combine(dataDir, ConsoleOptions.PublicKeyFile);
        if (File.Exists(path))
            throw new InvalidOperationException($"console already provisioned in {dataDir}: a new key would no longer match its pairing");
        Directory.CreateDirectory(dataDir);
        var pem = TpmSigner.CreateDeviceKey(tpm);
        File.WriteAllText(path, pem);
        return pem;
    }

    /// <summary>Where the console's FAPI keystore lives, as on a terminal: beside its data.</summary>
    public static FapiConfig Fapi(string dataDir, string tcti) => FapiConfig.In(dataDir, tcti);
}
