using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Devices.Tpm;

namespace Vmre.ModuleServer.Tpm;

/// <summary>
/// The module server's signing key, held in its own TPM like a terminal's (issue 8 point 2,
/// rules.md R5): activation tokens, redemption answers, module commands, the acta, the log
/// seal and the LAN face's TLS leaf are all signed inside the chip. The FAPI keystore is in
/// DIR/fapi; the key never leaves the TPM, so the data folder holds no private key.
/// </summary>
public sealed class ServerTpm : IDisposable
{
    /// <summary>The server's key in its TPM (the terminal's is /HS/SRK/vmre-device).</summary>
    public const string KeyPath = "/HS/SRK/vmre-server";
    public const string PublicFile = "server-public.pem";

    private readonly IDisposable? _tpm;

    private ServerTpm(ISigner key, string where, IDisposable? tpm)
    {
        Key = key;
        Where = where;
        _tpm = tpm;
    }

    public ISigner Key { get; }
    /// <summary>Names the key in a refusal ("the TPM's server key").</summary>
    public string Where { get; }

    public static FapiConfig Config(string dataDir, string tcti) => FapiConfig.In(dataDir, tcti);

    /// <summary>
    /// The key the server signs with: the in-process signer a test supplies, or the TPM's key;
    /// an unprovisioned folder or a TPM that cannot sign is a refusal by name, and so is an
    /// authority.pub.pem that is not the one the TPM was provisioned for (issue 11 point 5; a
    /// supplied in-process key has no TPM, hence no trust root: tests of the code above only).
    /// </summary>
    public static Parsed<ServerTpm> Open(string dataDir, string tcti, ISigner? supplied)
    {
        if (supplied is not null) return Parsed<ServerTpm>.Ok(new ServerTpm(supplied, "the supplied server key", null));
        if (!Directory.Exists(Path.Combine(dataDir, FapiConfig.Folder)))
            return Parsed<ServerTpm>.Fail($"the server's TPM is not provisioned in {dataDir} "
                + $"(run vmre-module-server provision --data {dataDir} --tcti TCTI)");
        FapiTpm? tpm = null;
        try
        {
            tpm = new FapiTpm(Config(dataDir, tcti));
            // Issue 11 point 5: the authority key is trusted only if it is the one the TPM was provisioned for.
            if (AuthorityRoot.Problem(tpm, dataDir) is { } untrusted)
            {
                tpm.Dispose();
                return Parsed<ServerTpm>.Fail(untrusted);
            }
            return Parsed<ServerTpm>.Ok(new ServerTpm(new TpmSigner(tpm, KeyPath), "the TPM's server key", tpm));
        }
        catch (Exception e) when (e is TpmError or DllNotFoundException)
        {
            tpm?.Dispose();
            return Parsed<ServerTpm>.Fail($"the server's TPM ({tcti}) cannot sign with its key {KeyPath}: {e.Message}");
        }
    }

    public void Dispose() => _tpm?.Dispose();
}
