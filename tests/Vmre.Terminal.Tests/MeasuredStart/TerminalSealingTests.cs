using Vmre.Common.Measurement;
using Vmre.Common.Signing;
using Vmre.Devices.Tpm;
using Vmre.HardwareSim.Tpm;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Tpm;

namespace Vmre.Terminal.Tests.MeasuredStart;

/// <summary>
/// `seal` and the unseal at start, in-process on a real swtpm (issue 10 point 1): what seal
/// refuses, that it runs once, that an interrupted seal starts again, and each reason the
/// terminal gives when the PCR policy refuses.
/// </summary>
public sealed class TerminalSealingTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SwtpmInstance _swtpm;
    private readonly TestElection _election = new();
    private readonly string _data, _program;
    private FapiTpm _tpm;

    public TerminalSealingTests()
    {
        _swtpm = SwtpmInstance.Start(_dir.Sub("swtpm"));
        _data = Directory.CreateDirectory(_dir.Sub("terminal")).FullName;
        _program = Directory.CreateDirectory(_dir.Sub("program")).FullName;
        File.WriteAllText(Path.Combine(_program, "vmre-terminal.dll"), "program bytes");
        _tpm = new FapiTpm(FapiConfig.In(_data, _swtpm.Tcti));
        var pem = TerminalProvisioning.Provision(_data, TestElection.TerminalId, _tpm).PublicKeyPem;
        _election.InstallInto(_data, pem);
    }

    public void Dispose()
    {
        _tpm.Dispose();
        _swtpm.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Seal_refuses_without_a_manifest_with_one_signed_by_another_key_or_for_another_terminal()
    {
        Assert.Contains("no measurement manifest installed", TerminalSealing.Seal(_data, _tpm).Error);
        WriteManifest(signer: SoftwareSigningKey.Generate());
        Assert.Contains("measurement manifest: signed by key", TerminalSealing.Seal(_data, _tpm).Error);
        WriteManifest(terminalId: "T-CHI-02");
        Assert.Equal($"the measurement manifest is for terminal T-CHI-02, this is {TestElection.TerminalId}", TerminalSealing.Seal(_data, _tpm).Error);
        // None of these changed the device key: it still signs with no auth.
        new TpmSigner(_tpm).Sign("still unsealed"u8);
    }

    [Fact]
    public void Seal_runs_once_and_the_device_key_then_signs_only_with_the_derived_auth()
    {
        WriteManifest();
        Assert.True(TerminalSealing.Seal(_data, _tpm).IsOk);
        Assert.Equal(TerminalSealing.AlreadySealed, TerminalSealing.Seal(_data, _tpm).Error);
        using var fresh = new FapiTpm(FapiConfig.In(_data, _swtpm.Tcti));
        Assert.True(Assert.Throws<TpmError>(() => new TpmSigner(fresh).Sign("x"u8)).IsAuthFailure);
    }

    [Fact]
    public void A_seal_interrupted_before_the_device_key_changed_starts_again_and_the_measured_start_then_unseals()
    {
        WriteManifest();
        var manifest = TerminalSealing.LoadManifest(_data).ValueOrThrow();
        // What a crash after the first two steps leaves: a master and a counter nobody knows.
        _tpm.SealToPcr(TerminalSecrets.MasterPath, TerminalSecrets.NewMaster(), MeasurementList.Pcr, manifest.ExpectedPcrBytes());
        _tpm.CreateCounter(TerminalSecrets.EpochPath, "lost");

        Assert.True(TerminalSealing.Seal(_data, _tpm).IsOk);

        PowerCycle();
        Devices.Tpm.MeasuredStart.Run(_tpm, _program, _data);
        var secrets = MeasuredUnseal.Run(_tpm, manifest, _data);
        Assert.True(secrets.IsOk, secrets.Error);
        _tpm.UseAuth(TpmSigner.DeviceKeyPath, secrets.Value!.DeviceKeyAuth);
        new TpmSigner(_tpm).Sign("signs"u8);
        var epoch = new TpmStoreEpoch(_tpm, secrets.Value);
        var before = epoch.Read();
        epoch.Advance();
        Assert.Equal(before + 1, epoch.Read());
    }

    [Fact]
    public void Each_refusal_names_its_cause()
    {
        WriteManifest();
        Assert.True(TerminalSealing.Seal(_data, _tpm).IsOk);
        var manifest = TerminalSealing.LoadManifest(_data).ValueOrThrow();
        PowerCycle();

        Assert.Equal("not started through the measured start: PCR 13 holds its power-on value", MeasuredUnseal.Run(_tpm, manifest, _data).Error);

        // Each case from a fresh power-on: with no resource manager in front of swtpm, FAPI 3.2
        // leaves a transient object loaded after a refused unseal (docs/formats/measurements.md).
        PowerCycle();
        Devices.Tpm.MeasuredStart.Run(_tpm, _program, _data);
        Assert.True(MeasuredUnseal.Run(_tpm, manifest, _data).IsOk);
        Assert.StartsWith("PCR 13 is closed: a terminal already unsealed since power-on", MeasuredUnseal.Run(_tpm, manifest, _data).Error);

        PowerCycle();
        Devices.Tpm.MeasuredStart.Run(_tpm, _program, _data);
        Devices.Tpm.MeasuredStart.Run(_tpm, _program, _data); // the launcher twice without a power cycle
        Assert.StartsWith("PCR 13 is not in the measured state: extended since power-on", MeasuredUnseal.Run(_tpm, manifest, _data).Error);

        PowerCycle();
        File.AppendAllText(Path.Combine(_data, "terminal.json"), "\n");
        Devices.Tpm.MeasuredStart.Run(_tpm, _program, _data);
        Assert.StartsWith("terminal-config differs from the manifest (measured ", MeasuredUnseal.Run(_tpm, manifest, _data).Error);
    }

    private void PowerCycle()
    {
        _tpm.Dispose();
        _swtpm.Restart();
        _tpm = new FapiTpm(FapiConfig.In(_data, _swtpm.Tcti));
    }

    private void WriteManifest(ISigner? signer = null, string terminalId = TestElection.TerminalId) =>
        MeasurementManifest.Sign(MeasurementManifest.For(terminalId, MeasurementList.Of(_program, _data)), signer ?? _election.Authority)
            .WriteFile(Path.Combine(_data, MeasurementManifest.FileName));
}
