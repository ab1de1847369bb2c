using Vmre.Common.Lan;
using Vmre.Common.Signing;
using PublicKey = Vmre.Common.Signing.PublicKey;

namespace Vmre.Common.Tests.Lan;

/// <summary>
/// A module's pairing as the signed module config would pin it: the server and two terminals,
/// with software keys standing in for their TPM keys (the TPM case is in Vmre.Devices.Tests).
/// </summary>
internal sealed class PairedModule
{
    public const string ServerId = "MRV-CHI";
    public const string Terminal1 = "T-CHI-01";
    public const string Terminal2 = "T-CHI-02";

    public SoftwareSigningKey ServerKey { get; } = SoftwareSigningKey.Generate();
    public SoftwareSigningKey Terminal1Key { get; } = SoftwareSigningKey.Generate();
    public SoftwareSigningKey Terminal2Key { get; } = SoftwareSigningKey.Generate();

    /// <summary>What the server accepts: the paired terminals.</summary>
    public PairedPeers Terminals => Pairs((Terminal1, Terminal1Key), (Terminal2, Terminal2Key));

    /// <summary>What a terminal accepts: only the module server (ModuleConfig.ServerPublicKeyPem).</summary>
    public PairedPeers ServerOnly => Pairs((ServerId, ServerKey));

    public LanIdentity Server(TimeProvider? time = null) => LanIdentity.Mint(ServerId, ServerKey, time ?? TimeProvider.System);
    public LanIdentity T1(TimeProvider? time = null) => LanIdentity.Mint(Terminal1, Terminal1Key, time ?? TimeProvider.System);
    public LanIdentity T2(TimeProvider? time = null) => LanIdentity.Mint(Terminal2, Terminal2Key, time ?? TimeProvider.System);

    public static PairedPeers Pairs(params (string Id, ISigner Key)[] devices) =>
        new(devices.ToDictionary(d => d.Id, d => PublicKey.FromPem(d.Key.PublicKeyPem)));
}

/// <summary>The reasons a side's <c>refused</c> callback heard (the hosts log them as lan-peer-refused).</summary>
internal sealed class Refusals
{
    private readonly List<string> _reasons = [];
    public void Add(string reason) { lock (_reasons) _reasons.Add(reason); }
    public IReadOnlyList<string> Reasons { get { lock (_reasons) return [.. _reasons]; } }
}
