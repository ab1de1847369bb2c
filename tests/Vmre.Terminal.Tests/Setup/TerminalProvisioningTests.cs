using Vmre.Devices.Tpm;
using Vmre.HardwareSim.Tpm;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tpm;

namespace Vmre.Terminal.Tests.Setup;

/// <summary>The terminal's provisioning on a real swtpm: device key, identity file; secrets are sealed later (issue 10) (rules.md R5).</summary>
public sealed class TerminalProvisioningTests
{
    [Fact]
    public void Terminal_provisioning_refuses_to_run_twice_on_the_same_data_dir()
    {
        using var dir = new TempDir();
        using var swtpm = SwtpmInstance.Start(dir.Sub("swtpm"));
        var data = dir.Sub("terminal");
        using var tpm = new FapiTpm(new FapiConfig(Path.Combine(data, "fapi"), swtpm.Tcti));
        var identity = TerminalProvisioning.Provision(data, "T-CHI-01", tpm);
        Assert.Equal(identity.PublicKeyPem, File.ReadAllText(Path.Combine(data, "device-public.pem")));
        Assert.Equal(identity, TerminalIdentity.Load(data).ValueOrThrow());
        // Issue 10: provisioning seals nothing; the device key signs with no auth until `seal`.
        Assert.Throws<TpmError>(() => tpm.Unseal(TerminalSecrets.MasterPath));
        new TpmSigner(tpm).Sign("probe"u8);
        var error = Assert.Throws<InvalidOperationException>(() => TerminalProvisioning.Provision(data, "T-CHI-01", tpm));
        Assert.Contains("already provisioned", error.Message);
        Assert.Equal(identity.PublicKeyPem, new TpmSigner(tpm).PublicKeyPem);
    }
}
