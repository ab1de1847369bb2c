using Vmre.Common.Serialization;
using Vmre.Devices.Tpm;

namespace Vmre.ModuleServer.Tpm;

/// <summary>
/// `vmre-module-server provision`, run by the technician on the server before the module is
/// configured (issue 8 point 2): provision the TPM, create the server's signing key inside it
/// and write its public half, which `vmre-provision module configure --server-public` pins in
/// the signed module config (as a terminal's device-public.pem is). Issue 11 point 5: it also
/// writes the authority key's fingerprint, once, into the TPM (<see cref="AuthorityRoot"/>), the
/// only authority the server will then trust.
/// </summary>
public static class ServerProvisioning
{
    /// <summary>The new key's public PEM, or why the folder is refused.</summary>
    public static Parsed<string> Provision(string dataDir, FapiTpm tpm, string authorityPem)
    {
        if (AlreadyProvisioned(dataDir) is { } refusal) return Parsed<string>.Fail(refusal);
        var pem = TpmSigner.CreateDeviceKey(tpm, ServerTpm.KeyPath);
        AuthorityRoot.Write(tpm, authorityPem);
        File.WriteAllText(Path.Combine(dataDir, ServerTpm.PublicFile), pem);
        return Parsed<string>.Ok(pem);
    }

    /// <summary>A second key would unpair the server from the config that pins the first one.</summary>
    private static string? AlreadyProvisioned(string dataDir) =>
        File.Exists(Path.Combine(dataDir, ServerTpm.PublicFile))
            ? $"module server already provisioned in {dataDir}: its key is the one the module config pins"
            : null;

    /// <summary>The command: a folder already provisioned, an unreachable TPM or an unwritable folder is a refusal by name (issue 7.5).</summary>
    public static int Run(string dataDir, string tcti, string authorityPub, TextWriter output, TextWriter error)
    {
        try
        {
            // Refused before the TPM is touched.
            if (AlreadyProvisioned(dataDir) is { } refusal) return Vmre.Cli.Refusal.Write(error, refusal);
            string authorityPem;
            try
            {
                authorityPem = File.ReadAllText(authorityPub);
                Vmre.Common.Signing.PublicKey.FromPem(authorityPem);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException or ArgumentException)
            {
                return Vmre.Cli.Refusal.Write(error, $"--authority-pub {authorityPub}: not the authority's public key ({e.Message})");
            }
            Directory.CreateDirectory(dataDir);
            using var tpm = new FapiTpm(ServerTpm.Config(dataDir, tcti));
            var provisioned = Provision(dataDir, tpm, authorityPem);
            if (!provisioned.IsOk) return Vmre.Cli.Refusal.Write(error, provisioned.Error!);
            var keyId = Vmre.Common.Signing.PublicKey.FromPem(provisioned.Value!).KeyId;
            output.WriteLine($"provisioned the module server's TPM; key {keyId} at {ServerTpm.KeyPath}, public key in {Path.Combine(dataDir, ServerTpm.PublicFile)}");
            output.WriteLine($"trusted authority fingerprint {Convert.ToHexStringLower(AuthorityRoot.Fingerprint(authorityPem))} written once at {AuthorityRoot.NvPath}");
            return Vmre.Cli.ExitCode.Ok;
        }
        catch (Exception e) when (e is TpmError or DllNotFoundException or IOException or UnauthorizedAccessException)
        {
            return Vmre.Cli.Refusal.Write(error, $"cannot provision the module server in {dataDir}: {e.Message}");
        }
    }
}
