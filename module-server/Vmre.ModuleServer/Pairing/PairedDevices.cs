using System.Security.Cryptography;
using Vmre.Common.Lan;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using PublicKey = Vmre.Common.Signing.PublicKey;

namespace Vmre.ModuleServer.Pairing;

/// <summary>
/// Every device the signed module config pairs with this server: its terminals and its desk and
/// observers' consoles (issue 8 point 1). One <see cref="PairedPeers"/> over all of them answers
/// the LAN face's handshake; the kind of each says which endpoints it may call afterwards. Device
/// ids are unique across terminals and consoles, or a certificate could not say which one it is.
/// </summary>
public sealed class PairedDevices
{
    private readonly Dictionary<string, DeviceKind> _kinds;

    private PairedDevices(Dictionary<string, PublicKey> keys, Dictionary<string, DeviceKind> kinds)
    {
        _kinds = kinds;
        Peers = new PairedPeers(keys);
    }

    /// <summary>Who may complete a handshake with the LAN face.</summary>
    public PairedPeers Peers { get; }

    public DeviceKind? KindOf(string deviceId) => _kinds.TryGetValue(deviceId, out var kind) ? kind : null;

    /// <summary>The config's terminals (keys already parsed at load) and consoles, or why they cannot be paired together.</summary>
    public static Parsed<PairedDevices> From(ModuleConfig config, IReadOnlyDictionary<string, PublicKey> terminalKeys)
    {
        var keys = new Dictionary<string, PublicKey>(terminalKeys, StringComparer.Ordinal);
        var kinds = terminalKeys.Keys.ToDictionary(id => id, _ => DeviceKind.Terminal, StringComparer.Ordinal);
        foreach (var console in config.Consoles ?? [])
        {
            if (kinds.ContainsKey(console.ConsoleId))
                return Parsed<PairedDevices>.Fail($"console {console.ConsoleId} has the id of a paired terminal: "
                    + "device ids must be unique across terminals and consoles (issue 8 point 1)");
            PublicKey key;
            try { key = PublicKey.FromPem(console.PublicKeyPem); }
            catch (Exception e) when (e is CryptographicException or ArgumentException)
            {
                return Parsed<PairedDevices>.Fail($"console {console.ConsoleId}'s public key is not an ECDSA P-256 public key ({e.Message})");
            }
            keys[console.ConsoleId] = key;
            kinds[console.ConsoleId] = console.Role == ConsoleRole.Desk ? DeviceKind.DeskConsole : DeviceKind.ObserverConsole;
        }
        return Parsed<PairedDevices>.Ok(new PairedDevices(keys, kinds));
    }
}
