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
    private readonly ProvisionedTerminalTpm _t = new("version 1");

    public TerminalResealingTests()
    {
        _t.WriteManifest(Path.Combine(_t.Data, MeasurementManifest.FileName));
        Assert.True(TerminalSealing.Seal(_t.Data, _t.Tpm).IsOk);
    }

    public void Dispose() => _t.Dispose();

    [Fact]
    public void An_update_resealed_through_the_measured_start_unseals_the_same_secrets_under_the_new_program()
    {
        var before = StartAndUnseal().ValueOrThrow();
        // The authority signs the measurements of version 2 (built and measured elsewhere).
        var v2 = Path.Combine(_t.Scratch, "v2");
        Directory.CreateDirectory(v2);
        File.WriteAllText(Path.Combine(v2, "vmre-terminal.dll"), "version 2");
        var newManifest = Path.Combine(_t.Scratch, "new.signed.json");
        _t.WriteManifest(newManifest, MeasurementList.Of(v2, _t.Data));

        _t.PowerCycle();
        Devices.Tpm.MeasuredStart.Run(_t.Tpm, _t.Program, _t.Data); // the current, genuine terminal
        var resealed = TerminalResealing.Reseal(_t.Data, _t.Tpm, newManifest);
        Assert.True(resealed.IsOk, resealed.Error);
        Assert.Equal(File.ReadAllBytes(newManifest), File.ReadAllBytes(Path.Combine(_t.Data, MeasurementManifest.FileName)));

        File.WriteAllText(Path.Combine(_t.Program, "vmre-terminal.dll"), "version 2"); // install the update
        var after = StartAndUnseal();
        Assert.True(after.IsOk, after.Error);
        Assert.Equal(before.StorageKey, after.Value!.StorageKey); // the same master: the votes stay readable
        Assert.Equal(before.DeviceKeyAuth, after.Value.DeviceKeyAuth);

        // And version 1 no longer unseals.
        File.WriteAllText(Path.Combine(_t.Program, "vmre-terminal.dll"), "version 1");
        Assert.StartsWith("program differs from the manifest", StartAndUnseal().Error);
    }

    [Fact]
    public void Reseal_outside_the_measured_start_is_refused_and_changes_nothing()
    {
        var newManifest = Path.Combine(_t.Scratch, "new.signed.json");
        _t.WriteManifest(newManifest, MeasurementList.Of(_t.Program, _t.Scratch));
        var manifestBefore = File.ReadAllBytes(Path.Combine(_t.Data, MeasurementManifest.FileName));
        _t.PowerCycle();

        var refused = TerminalResealing.Reseal(_t.Data, _t.Tpm, newManifest);

        Assert.Equal("reseal must run through the measured start of the current terminal: "
            + "not started through the measured start: PCR 13 holds its power-on value", refused.Error);
        Assert.Equal(manifestBefore, File.ReadAllBytes(Path.Combine(_t.Data, MeasurementManifest.FileName)));
        Assert.True(StartAndUnseal().IsOk);
    }

    private Vmre.Common.Serialization.Parsed<TerminalSecrets> StartAndUnseal()
    {
        _t.PowerCycle();
        Devices.Tpm.MeasuredStart.Run(_t.Tpm, _t.Program, _t.Data);
        return MeasuredUnseal.Run(_t.Tpm, TerminalSealing.LoadManifest(_t.Data).ValueOrThrow(), _t.Data);
    }
}
