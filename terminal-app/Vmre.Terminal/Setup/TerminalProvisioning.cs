using Vmre.Devices.Tpm;

namespace Vmre.Terminal.Setup;

/// <summary>
/// Run by the technician on the terminal (brief section 2.1): provision the TPM and create the
/// device signing key inside it, with no auth value yet. The public key is handed to
/// provisioning, which pairs the terminal with its module in the signed module config. Secrets
/// are sealed later, by `seal`, to the authority-signed measurements (issue 10 point 1).
/// </summary>
public static class TerminalProvisioning
{
    public static TerminalIdentity Provision(string dataDir, string terminalId, IDeviceTpm tpm)
    {
        if (File.Exists(TerminalIdentity.PathIn(dataDir)))
            throw new InvalidOperationException($"terminal already provisioned in {dataDir}: re-provisioning would orphan its votes");
        // Issue 11 point 6: the terminal's data folder is the owner's alone.
        Vmre.Common.Storage.PrivateFiles.Folder(dataDir);
        var pem = TpmSigner.CreateDeviceKey(tpm);
        var identity = new TerminalIdentity(terminalId, pem);
        File.WriteAllText(Path.Combine(dataDir, "device-public.pem"), pem);
        identity.Save(dataDir);
        return identity;
    }
}
