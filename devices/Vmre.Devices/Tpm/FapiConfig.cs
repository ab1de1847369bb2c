using System.Text.Json;

namespace Vmre.Devices.Tpm;

/// <summary>
/// The per-device FAPI configuration file (STACK.md): profile P_ECCP256SHA256, a keystore in
/// the terminal's own data folder, and the TCTI naming the TPM: "device:/dev/tpmrm0" on a
/// terminal, "swtpm:host=127.0.0.1,port=P" in the simulator.
/// </summary>
public sealed record FapiConfig(string StateDir, string Tcti)
{
    /// <summary>The keystore folder inside a device's data folder (terminal, module server, console).</summary>
    public const string Folder = "fapi";

    /// <summary>The FAPI configuration of the device whose data folder is <paramref name="dataDir"/>.</summary>
    public static FapiConfig In(string dataDir, string tcti) => new(Path.Combine(dataDir, Folder), tcti);

    public bool IsSoftwareTpm => Tcti.StartsWith("swtpm:", StringComparison.Ordinal);

    public string Write()
    {
        var user = Directory.CreateDirectory(Path.Combine(StateDir, "user")).FullName;
        var system = Directory.CreateDirectory(Path.Combine(StateDir, "system")).FullName;
        var log = Directory.CreateDirectory(Path.Combine(StateDir, "eventlog")).FullName;
        var config = new Dictionary<string, object>
        {
            ["profile_name"] = "P_ECCP256SHA256",
            ["profile_dir"] = "/etc/tpm2-tss/fapi-profiles/",
            ["user_dir"] = user,
            ["system_dir"] = system,
            ["log_dir"] = log,
            ["tcti"] = Tcti,
            ["system_pcrs"] = Array.Empty<int>(),
        };
        // swtpm has no endorsement certificate; a hardware TPM has one and FAPI checks it.
        if (IsSoftwareTpm) config["ek_cert_less"] = "yes";
        var path = Path.Combine(StateDir, "fapi-config.json");
        File.WriteAllText(path, JsonSerializer.Serialize(config, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
