using Vmre.Devices.Tpm;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tpm;

/// <summary>
/// The vote store's epoch on the TPM's NV counter (issue 10 point 2): it only goes up, its auth
/// is derived from the sealed master, so only the measured terminal can advance it, and a whole
/// older copy of votes.db carries an epoch below it. Each Advance is one NV write, made at start
/// and at polls open and close only (never per ballot: STACK.md).
/// </summary>
public sealed class TpmStoreEpoch : IStoreEpoch
{
    private readonly IDeviceTpm _tpm;

    public TpmStoreEpoch(IDeviceTpm tpm, TerminalSecrets secrets)
    {
        _tpm = tpm;
        _tpm.UseAuth(TerminalSecrets.EpochPath, secrets.EpochAuth);
    }

    public ulong Read() => _tpm.ReadCounter(TerminalSecrets.EpochPath);

    public void Advance() => _tpm.IncrementCounter(TerminalSecrets.EpochPath);
}
