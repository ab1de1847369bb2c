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
        var master = UnsealMaster(tpm, manifest, dataDir);
        if (!master.IsOk) return Parsed<TerminalSecrets>.Fail(master.Error!);
        return Close(tpm, master.Value!);
    }

    /// <summary>
    /// The master, unsealed, PCR 13 not yet closed. A `reseal` interrupted after its commit point
    /// left the master sealed to the new manifest at <see cref="TerminalSecrets.NextMasterPath"/> only,
    /// so that path is tried when the usual one refuses.
    /// </summary>
    public static Parsed<byte[]> UnsealMaster(IDeviceTpm tpm, MeasurementManifest manifest, string dataDir)
    {
        try { return Parsed<byte[]>.Ok(tpm.Unseal(TerminalSecrets.MasterPath)); }
        catch (TpmError e)
        {
            try { return Parsed<byte[]>.Ok(tpm.Unseal(TerminalSecrets.NextMasterPath)); }
            catch (TpmError) { /* no interrupted reseal: the usual path's refusal stands */ }
            return Parsed<byte[]>.Fail(e.IsPolicyFailure
                ? Why(tpm, manifest, dataDir)
                : $"the master secret could not be unsealed ({e.Message}); was this terminal sealed with `vmre-terminal seal`?");
        }
    }

    /// <summary>Extend the closing value, then derive; the master is wiped either way.</summary>
    public static Parsed<TerminalSecrets> Close(IDeviceTpm tpm, byte[] master)
    {
        try
        {
            if (ClosePcr(tpm) is { } refused) return Parsed<TerminalSecrets>.Fail(refused);
            return Parsed<TerminalSecrets>.Ok(TerminalSecrets.From(master));
        }
        finally { Array.Clear(master); }
    }

    /// <summary>
    /// The closing extension after an unseal; null when made. When the TPM refuses it, PCR 13 may
    /// still be in the measured state, so the terminal must not go on with the secrets (security
    /// review of issue 10 point 1): the refusal names it.
    /// </summary>
    public static string? ClosePcr(IDeviceTpm tpm)
    {
        try
        {
            tpm.PcrExtend(MeasurementList.Pcr, MeasurementList.ClosingValue);
            return null;
        }
        catch (TpmError e)
        {
            return $"PCR {MeasurementList.Pcr} could not be closed after unsealing ({e.Message}); the terminal does not go on with its secrets";
        }
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
