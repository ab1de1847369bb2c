using System.Text;
using Vmre.Common.Election;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;
using Vmre.Firmware.Activation;
using Vmre.HardwareSim.Nfc;
using Vmre.Terminal.Setup;

namespace Vmre.Terminal.Tests.Support;

/// <summary>
/// A small invented election, signed in-process: the authority signs the package and the
/// module config (which pairs the terminal's device key), the server key signs activations.
/// </summary>
public sealed class TestElection
{
    public const string ModuleId = "MRV-CHI";
    public const string TerminalId = "T-CHI-01";

    public SoftwareSigningKey Authority { get; } = SoftwareSigningKey.Generate();
    public SoftwareSigningKey Server { get; } = SoftwareSigningKey.Generate();
    public ElectionPackage Package { get; } = InventedBallots.Package();

    public SignedDocument SignedPackage() => SignedDocument.Create(DocumentKinds.ElectionPackage, Package, Authority);

    public string PackageHash => Vmre.Common.Election.PackageHash.Of(SignedPackage().PayloadBytes());

    public const string PresidenteCard = "OFC-CHI-PRES", ObserverCard = "OFC-CHI-OBS", SecretarioCard = "OFC-CHI-SEC",
        PresidentePin = "2468", ObserverPin = "1357", SecretarioPin = "8024";

    private static readonly (string Card, OfficialRole Role, string Pin)[] Roster =
        [(PresidenteCard, OfficialRole.Presidente, PresidentePin), (SecretarioCard, OfficialRole.Secretario, SecretarioPin), (ObserverCard, OfficialRole.Observer, ObserverPin)];

    /// <summary>
    /// This election's officials' VMRE-K2 cards (issue 11 point 1), personalised once each with
    /// their PIN: the module config lists their public keys, and tests put the same card on the
    /// reader every time, so its key and its own try counter hold across the test.
    /// </summary>
    private readonly Dictionary<string, SimulatedSmartCard> _cards = Roster.ToDictionary(o => o.Card, o => SimulatedSmartCard.Personalise(o.Card, o.Pin));

    /// <summary>The official's card; any other id gets a fresh card of its own (a stranger's, not in the config).</summary>
    public SimulatedSmartCard Card(string credentialId) =>
        _cards.TryGetValue(credentialId, out var card) ? card : SimulatedSmartCard.Personalise(credentialId, PresidentePin);

    private OfficialEntry[] Officials => Roster.Select(o => new OfficialEntry(o.Card, o.Role, o.Role.ToString(), _cards[o.Card].PublicKeyPem)).ToArray();

    public ModuleConfig Config(string devicePublicPem) => new(
        ModuleConfig.FormatV3, ModuleId, "Consulado de prueba en Chicago", "America/Chicago", Package.ElectionId,
        PackageHash, Server.PublicKeyPem, [new TerminalEntry(TerminalId, devicePublicPem)], Officials, 0,
        ActivationMinutes: ModuleConfig.DefaultActivationMinutes, Consoles: []);

    /// <summary>The verified election as the booth gets it, without files.</summary>
    public InstalledElection Installed(string devicePublicPem) =>
        new(Package, PackageHash, Config(devicePublicPem), PublicKey.FromPem(Server.PublicKeyPem));

    /// <summary>What the technician copies into a provisioned terminal's data folder.</summary>
    public void InstallInto(string dataDir, string devicePublicPem)
    {
        File.WriteAllText(Path.Combine(dataDir, InstalledElection.AuthorityKeyFile), Authority.PublicKeyPem);
        SignedPackage().WriteFile(Path.Combine(dataDir, InstalledElection.PackageFile));
        SignedDocument.Create(DocumentKinds.ModuleConfig, Config(devicePublicPem), Authority)
            .WriteFile(Path.Combine(dataDir, InstalledElection.ModuleConfigFile));
    }

    public static string NewNonce() => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    public string Activation(string style, string? nonce = null, string moduleId = ModuleId, ISigner? signer = null, string? packageHash = null)
    {
        var unsigned = ActivationToken.Unsigned(moduleId, ActivationToken.PackageIdOf(packageHash ?? PackageHash), style, nonce ?? NewNonce());
        return ActivationToken.WithSignature(unsigned, (signer ?? Server).Sign(Encoding.UTF8.GetBytes(unsigned)));
    }

    private long _sequence;

    /// <summary>
    /// A v2 command as the module server signs it (issue 8 point 3): <paramref name="challenge"/>
    /// is the terminal's, the package this election's, and the sequence the next one unless given.
    /// </summary>
    public SignedDocument Command(ModuleCommandKind kind, string challenge, ISigner? signer = null, long? sequence = null,
        string? packageHash = null, string moduleId = ModuleId, string terminalId = TerminalId) =>
        SignedDocument.Create(DocumentKinds.ModuleCommand,
            ModuleCommand.Create(kind, moduleId, terminalId, challenge, packageHash ?? PackageHash, sequence ?? Interlocked.Increment(ref _sequence)),
            signer ?? Server);

    public static byte[] Json<T>(T value) => VmreJson.Bytes(value);
}
