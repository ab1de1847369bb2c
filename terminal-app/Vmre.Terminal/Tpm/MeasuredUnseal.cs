using Vmre.Common.Measurement;
using Vmre.Common.Serialization;
using Vmre.Devices.Tpm;

namespace Vmre.Terminal.Tpm;

/// <summary>
/// At `run` (issue 10 point 1): unseal the master in the measured state, then at once extend the
/// closing value into PCR 13, so nothing started after the terminal, even one extending the same
/// digests again, can unseal. When the TPM refuses, say why, from what the launcher recorded.
/// </summary>
public static class MeasuredUnseal
{
    public static Parsed<TerminalSecrets> Run(IDeviceTpm tpm, MeasurementManifest manifest, string dataDir)
    {
        byte[] master;
        try { master = tpm.Unseal(TerminalSecrets.MasterPath); }
        catch (TpmError e) when (e.IsPolicyFailure)
        {
            return Parsed<TerminalSecrets>.Fail(Why(tpm, manifest, dataDir));
        }
        catch (TpmError e)
        {
            return Parsed<TerminalSecrets>.Fail($"the master secret could not be unsealed ({e.Message}); was this terminal sealed with `vmre-terminal seal`?");
        }
        try
        {
            tpm.PcrExtend(MeasurementList.Pcr, MeasurementList.ClosingValue);
            return Parsed<TerminalSecrets>.Ok(TerminalSecrets.From(master));
        }
        finally { Array.Clear(master); }
    }

    /// <summary>The reason a PCR policy refused: the most specific the evidence supports.</summary>
    public static string Why(IDeviceTpm tpm, MeasurementManifest manifest, string dataDir)
    {
        var pcr = tpm.PcrRead(MeasurementList.Pcr);
        if (pcr.AsSpan().SequenceEqual(new byte[32]))
            return $"not started through the measured start: PCR {MeasurementList.Pcr} holds its power-on value";
        if (pcr.AsSpan().SequenceEqual(MeasurementList.Extend(manifest.ExpectedPcrBytes(), MeasurementList.ClosingValue)))
            return $"PCR {MeasurementList.Pcr} is closed: a terminal already unsealed since power-on (the TPM must be power-cycled before a start)";
        var record = MeasuredStartRecord.Load(dataDir);
        if (!record.IsOk) return $"not started through the measured start: {record.Error}";
        var differences = record.Value!.Differences(manifest.Items);
        if (differences.Count > 0) return string.Join("; ", differences);
        return $"PCR {MeasurementList.Pcr} is not in the measured state: extended since power-on (the TPM must be power-cycled before a start)";
    }
}
