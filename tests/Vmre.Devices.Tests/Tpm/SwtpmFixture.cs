using Vmre.HardwareSim.Tpm;
using Vmre.Devices.Tpm;

namespace Vmre.Devices.Tests.Tpm;

/// <summary>One real swtpm for a test class, reached through tpm2-tss FAPI with its own keystore, provisioned once.</summary>
public sealed class SwtpmFixture : IDisposable
{
    public SwtpmFixture()
    {
        Swtpm = SwtpmInstance.Start(Dir.Sub("swtpm"));
        Config = new FapiConfig(Dir.Sub("fapi"), Swtpm.Tcti);
        Tpm = new FapiTpm(Config);
        Tpm.Provision();
    }

    public TempDir Dir { get; } = new();
    public SwtpmInstance Swtpm { get; }
    public FapiConfig Config { get; }
    public FapiTpm Tpm { get; }

    public void Dispose()
    {
        Tpm.Dispose();
        Swtpm.Dispose();
        Dir.Dispose();
    }
}
