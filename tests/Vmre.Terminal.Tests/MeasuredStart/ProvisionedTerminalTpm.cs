using Vmre.Common.Measurement;
using Vmre.Common.Signing;
using Vmre.Devices.Tpm;
using Vmre.HardwareSim.Tpm;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.MeasuredStart;

/// <summary>
/// A terminal provisioned in process on its own swtpm, its election installed, with a stand-in
/// program folder of one file: what the seal and reseal tests start from (issue 10 point 1).
/// </summary>
public sealed class ProvisionedTerminalTpm : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SwtpmInstance _swtpm;

    public ProvisionedTerminalTpm(string programBytes)
    {
        _swtpm = SwtpmInstance.Start(_dir.Sub("swtpm"));
        Data = Directory.CreateDirectory(_dir.Sub("terminal")).FullName;
        Program = Directory.CreateDirectory(_dir.Sub("program")).FullName;
        File.WriteAllText(Path.Combine(Program, "vmre-terminal.dll"), programBytes);
        Tpm = new FapiTpm(FapiConfig.In(Data, _swtpm.Tcti));
        Election.InstallInto(Data, TerminalProvisioning.Provision(Data, TestElection.TerminalId, Tpm).PublicKeyPem);
    }

    public TestElection Election { get; } = new();
    public string Data { get; }
    public string Program { get; }
    /// <summary>A folder of the test's own, beside the terminal's.</summary>
    public string Scratch => _dir.Path;
    public string Tcti => _swtpm.Tcti;
    /// <summary>This power-on's FAPI context (a new one after each <see cref="PowerCycle"/>).</summary>
    public FapiTpm Tpm { get; private set; }

    /// <summary>The TPM's power is cut and comes back: PCR 13 holds its power-on value again.</summary>
    public void PowerCycle()
    {
        Tpm.Dispose();
        _swtpm.Restart();
        Tpm = new FapiTpm(FapiConfig.In(Data, _swtpm.Tcti));
    }

    /// <summary>A manifest of <paramref name="items"/> (the terminal's own by default), signed by the authority or <paramref name="signer"/>.</summary>
    public void WriteManifest(string path, IReadOnlyList<MeasuredItem>? items = null, ISigner? signer = null, string terminalId = TestElection.TerminalId) =>
        MeasurementManifest.Sign(MeasurementManifest.For(terminalId, items ?? MeasurementList.Of(Program, Data)), signer ?? Election.Authority)
            .WriteFile(path);

    public void Dispose()
    {
        Tpm.Dispose();
        _swtpm.Dispose();
        _dir.Dispose();
    }
}
