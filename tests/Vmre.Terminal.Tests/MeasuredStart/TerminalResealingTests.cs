using Vmre.Common.Measurement;
using Vmre.Devices.Tpm;
using Vmre.HardwareSim.Tpm;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tests.Support;
using Vmre.Terminal.Tpm;

namespace Vmre.Terminal.Tests.MeasuredStart;

/// <summary>
/// `reseal` (issue 10 point 1: a legitimate update) in-process on a real swtpm: through the
/// measured start of the current terminal, the same master is sealed to an authority-signed
/// manifest of the new measurements; after the update the new program unseals the same secrets.
/// </summary>
public sealed class TerminalResealingTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly SwtpmInstance _swtpm;
    private readonly TestElection _election = new();
    private readonly string _data, _program;
    private FapiTpm _tpm;

    public TerminalResealingTests()
    {
        _swtpm = SwtpmInstance.Start(_dir.Sub("swtpm"));
        _data = Directory.CreateDirectory(_dir.Sub("terminal")).FullName;
        _program = Directory.CreateDirectory(_dir.Sub("program")).FullName;
        File.WriteAllText(Path.Combine(_program, "vmre-terminal.dll"), "version 1");
        _tpm = new FapiTpm(FapiConfig.In(_data, _swtpm.Tcti));
        _election.InstallInto(_data, TerminalProvisioning.Provision(_data, TestElection.TerminalId, _tpm).PublicKeyPem);
        Sign(MeasurementList.Of(_program, _data), Path.Combine(_data, MeasurementManifest.FileName));
        Assert.True(TerminalSealing.Seal(_data, _tpm).IsOk);
    }

    public void Dispose()
    {
        _tpm.Dispose();
        _swtpm.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void An_update_resealed_through_the_measured_start_unseals_the_same_secrets_under_the_new_program()
    {
        var before = StartAndUnseal().ValueOrThrow();
        // The authority signs the measurements of version 2 (built and measured elsewhere).
        var v2 = Path.Combine(_dir.Path, "v2");
        Directory.CreateDirectory(v2);
        File.WriteAllText(Path.Combine(v2, "vmre-terminal.dll"), "version 2");
        var newManifest = Path.Combine(_dir.Path, "new.signed.json");
        Sign(MeasurementList.Of(v2, _data), newManifest);

        PowerCycle();
        Devices.Tpm.MeasuredStart.Run(_tpm, _program, _data); // the current, genuine terminal
        var resealed = TerminalResealing.Reseal(_data, _tpm, newManifest);
        Assert.True(resealed.IsOk, resealed.Error);
        Assert.Equal(File.ReadAllBytes(newManifest), File.ReadAllBytes(Path.Combine(_data, MeasurementManifest.FileName)));

        File.WriteAllText(Path.Combine(_program, "vmre-terminal.dll"), "version 2"); // install the update
        var after = StartAndUnseal();
        Assert.True(after.IsOk, after.Error);
        Assert.Equal(before.StorageKey, after.Value!.StorageKey); // the same master: the votes stay readable
        Assert.Equal(before.DeviceKeyAuth, after.Value.DeviceKeyAuth);

        // And version 1 no longer unseals.
        File.WriteAllText(Path.Combine(_program, "vmre-terminal.dll"), "version 1");
        Assert.StartsWith("program differs from the manifest", StartAndUnseal().Error);
    }

    [Fact]
    public void Reseal_outside_the_measured_start_is_refused_and_changes_nothing()
    {
        var newManifest = Path.Combine(_dir.Path, "new.signed.json");
        Sign(MeasurementList.Of(_program, _dir.Path), newManifest);
        var manifestBefore = File.ReadAllBytes(Path.Combine(_data, MeasurementManifest.FileName));
        PowerCycle();

        var refused = TerminalResealing.Reseal(_data, _tpm, newManifest);

        Assert.Equal("reseal must run through the measured start of the current terminal: "
            + "not started through the measured start: PCR 13 holds its power-on value", refused.Error);
        Assert.Equal(manifestBefore, File.ReadAllBytes(Path.Combine(_data, MeasurementManifest.FileName)));
        Assert.True(StartAndUnseal().IsOk);
    }

    private Vmre.Common.Serialization.Parsed<TerminalSecrets> StartAndUnseal()
    {
        PowerCycle();
        Devices.Tpm.MeasuredStart.Run(_tpm, _program, _data);
        return MeasuredUnseal.Run(_tpm, TerminalSealing.LoadManifest(_data).ValueOrThrow(), _data);
    }

    private void Sign(IReadOnlyList<MeasuredItem> items, string path) =>
        MeasurementManifest.Sign(MeasurementManifest.For(TestElection.TerminalId, items), _election.Authority).WriteFile(path);

    private void PowerCycle()
    {
        _tpm.Dispose();
        _swtpm.Restart();
        _tpm = new FapiTpm(FapiConfig.In(_data, _swtpm.Tcti));
    }
}
