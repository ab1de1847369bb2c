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
    private readonly ProvisionedTerminalTpm _t = new("program bytes");

    public void Dispose() => _t.Dispose();

    [Fact]
    public void Seal_refuses_without_a_manifest_with_one_signed_by_another_key_or_for_another_terminal()
    {
        Assert.Contains("no measurement manifest installed", TerminalSealing.Seal(_t.Data, _t.Tpm).Error);
        _t.WriteManifest(Path.Combine(_t.Data, MeasurementManifest.FileName), signer: SoftwareSigningKey.Generate());
        Assert.Contains("measurement manifest: signed by key", TerminalSealing.Seal(_t.Data, _t.Tpm).Error);
        _t.WriteManifest(Path.Combine(_t.Data, MeasurementManifest.FileName), terminalId: "T-CHI-02");
        Assert.Equal($"the measurement manifest is for terminal T-CHI-02, this is {TestElection.TerminalId}", TerminalSealing.Seal(_t.Data, _t.Tpm).Error);
        // None of these changed the device key: it still signs with no auth.
        new TpmSigner(_t.Tpm).Sign("still unsealed"u8);
    }

    [Fact]
    public void Seal_runs_once_and_the_device_key_then_signs_only_with_the_derived_auth()
    {
        _t.WriteManifest(Path.Combine(_t.Data, MeasurementManifest.FileName));
        Assert.True(TerminalSealing.Seal(_t.Data, _t.Tpm).IsOk);
        Assert.Equal(TerminalSealing.AlreadySealed, TerminalSealing.Seal(_t.Data, _t.Tpm).Error);
        using var fresh = new FapiTpm(FapiConfig.In(_t.Data, _t.Tcti));
        Assert.True(Assert.Throws<TpmError>(() => new TpmSigner(fresh).Sign("x"u8)).IsAuthFailure);
    }

    [Fact]
    public void A_seal_interrupted_before_the_device_key_changed_starts_again_and_the_measured_start_then_unseals()
    {
        _t.WriteManifest(Path.Combine(_t.Data, MeasurementManifest.FileName));
        var manifest = TerminalSealing.LoadManifest(_t.Data).ValueOrThrow();
        // What a crash after the first two steps leaves: a master and a counter nobody knows.
        _t.Tpm.SealToPcr(TerminalSecrets.MasterPath, TerminalSecrets.NewMaster(), MeasurementList.Pcr, manifest.ExpectedPcrBytes());
        _t.Tpm.CreateCounter(TerminalSecrets.EpochPath, "lost");

        Assert.True(TerminalSealing.Seal(_t.Data, _t.Tpm).IsOk);

        _t.PowerCycle();
        Devices.Tpm.MeasuredStart.Run(_t.Tpm, _t.Program, _t.Data);
        var secrets = MeasuredUnseal.Run(_t.Tpm, manifest, _t.Data);
        Assert.True(secrets.IsOk, secrets.Error);
        _t.Tpm.UseAuth(TpmSigner.DeviceKeyPath, secrets.Value!.DeviceKeyAuth);
        new TpmSigner(_t.Tpm).Sign("signs"u8);
        var epoch = new TpmStoreEpoch(_t.Tpm, secrets.Value);
        var before = epoch.Read();
        epoch.Advance();
        Assert.Equal(before + 1, epoch.Read());
    }

    [Fact]
    public void Each_refusal_names_its_cause()
    {
        _t.WriteManifest(Path.Combine(_t.Data, MeasurementManifest.FileName));
        Assert.True(TerminalSealing.Seal(_t.Data, _t.Tpm).IsOk);
        var manifest = TerminalSealing.LoadManifest(_t.Data).ValueOrThrow();
        _t.PowerCycle();

        Assert.Equal("not started through the measured start: PCR 13 holds its power-on value", MeasuredUnseal.Run(_t.Tpm, manifest, _t.Data).Error);

        // Each case from a fresh power-on: with no resource manager in front of swtpm, FAPI 3.2
        // leaves a transient object loaded after a refused unseal (docs/formats/measurements.md).
        _t.PowerCycle();
        Devices.Tpm.MeasuredStart.Run(_t.Tpm, _t.Program, _t.Data);
        Assert.True(MeasuredUnseal.Run(_t.Tpm, manifest, _t.Data).IsOk);
        Assert.StartsWith("PCR 13 is closed: a terminal already unsealed since power-on", MeasuredUnseal.Run(_t.Tpm, manifest, _t.Data).Error);

        _t.PowerCycle();
        Devices.Tpm.MeasuredStart.Run(_t.Tpm, _t.Program, _t.Data);
        Devices.Tpm.MeasuredStart.Run(_t.Tpm, _t.Program, _t.Data); // the launcher twice without a power cycle
        Assert.StartsWith("PCR 13 is not in the measured state: extended since power-on", MeasuredUnseal.Run(_t.Tpm, manifest, _t.Data).Error);

        _t.PowerCycle();
        File.AppendAllText(Path.Combine(_t.Data, "terminal.json"), "\n");
        Devices.Tpm.MeasuredStart.Run(_t.Tpm, _t.Program, _t.Data);
        Assert.StartsWith("terminal-config differs from the manifest (measured ", MeasuredUnseal.Run(_t.Tpm, manifest, _t.Data).Error);
    }
}
