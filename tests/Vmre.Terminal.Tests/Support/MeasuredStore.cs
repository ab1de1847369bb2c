using Vmre.Devices.Tpm;
using Vmre.HardwareSim.Tpm;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tpm;
using Vmre.Terminal.Votes;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// A stopped test terminal's vote store, opened by the test as the terminal itself opens it (issue 10
/// point 2): a power-on and measured start (<see cref="MeasuredBoot.PowerOn"/>), the master unsealed
/// in the measured state (closing PCR 13 behind it), the store opened with the MAC key and TPM epoch
/// derived from it. The next start of the terminal power-cycles the TPM again.
/// </summary>
public sealed class MeasuredStore : IDisposable
{
    private readonly FapiTpm _tpm;

    private MeasuredStore(FapiTpm tpm, VoteStore store) => (_tpm, Store) = (tpm, store);

    public VoteStore Store { get; }

    public static MeasuredStore Open(SwtpmInstance swtpm, string programDir, string dataDir)
    {
        MeasuredBoot.PowerOn(swtpm, programDir, dataDir);
        var tpm = new FapiTpm(FapiConfig.In(dataDir, swtpm.Tcti));
        try
        {
            var manifest = TerminalSealing.LoadManifest(dataDir).ValueOrThrow();
            var secrets = MeasuredUnseal.Run(tpm, manifest, dataDir).ValueOrThrow();
            return new MeasuredStore(tpm, VoteStore.Open(Path.Combine(dataDir, VerifyStore.StoreFile), secrets.StoreMacKey, new TpmStoreEpoch(tpm, secrets)));
        }
        catch
        {
            tpm.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        Store.Dispose();
        _tpm.Dispose();
    }
}
