using Vmre.Common.Module;
using Vmre.Common.Signing;
using Vmre.HardwareSim.Nfc;
using Vmre.ModuleServer.Consoles;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Consoles;

/// <summary>
/// A <see cref="TestModule"/> whose signed config also pairs a desk console and an observers'
/// console (issue 8 point 1), and the console program run in-process against its LAN face, each
/// console with its own data directory and a software key standing in for its TPM.
/// </summary>
public sealed class ConsoleModule : IAsyncDisposable
{
    public const string Desk = "DESK-01";
    public const string Observer = "OBSERVER-01";

    private readonly TempDir _consoles = new();
    private readonly List<ConsoleFace> _running = [];

    private ConsoleModule(TestModule module) => Module = module;

    public TestModule Module { get; }
    public Dictionary<string, SoftwareSigningKey> Keys { get; } = new()
    {
        [Desk] = SoftwareSigningKey.Generate(),
        [Observer] = SoftwareSigningKey.Generate(),
    };

    public static async Task<ConsoleModule> Started(params ConsoleEntry[] more)
    {
        var consoles = new ConsoleModule(await TestModule.Prepare());
        consoles.Pair(more);
        await consoles.Module.Start();
        return consoles;
    }

    /// <summary>
    /// Issue 11 point 1: the officials' VMRE-K2 cards (emulated, personalised with <see cref="TestModule.Pin"/>)
    /// for a console's own reader; null until <see cref="StartedWithSmartCards"/>, when the config lists their keys.
    /// </summary>
    public Dictionary<string, SimulatedSmartCard>? SmartCards { get; private set; }

    /// <summary>As <see cref="Started"/>, the signed config listing the emulated smart cards' keys instead of the test cards'.</summary>
    public static async Task<ConsoleModule> StartedWithSmartCards()
    {
        var consoles = new ConsoleModule(await TestModule.Prepare())
        {
            SmartCards = TestModule.Officials.ToDictionary(o => o.Credential, o => SimulatedSmartCard.Personalise(o.Credential, TestModule.Pin)),
        };
        consoles.Pair();
        await consoles.Module.Start();
        return consoles;
    }

    /// <summary>Signs the module config again with the two consoles (and any <paramref name="more"/>) paired.</summary>
    public void Pair(params ConsoleEntry[] more) => Module.Sign(DocumentKinds.ModuleConfig, Module.Config() with
    {
        Consoles = [new(Desk, ConsoleRole.Desk, Keys[Desk].PublicKeyPem), new(Observer, ConsoleRole.Observer, Keys[Observer].PublicKeyPem), .. more],
        Officials = SmartCards is null ? Module.Config().Officials
            : TestModule.Officials.Select(o => new OfficialEntry(o.Credential, o.Role, o.Credential, SmartCards[o.Credential].PublicKeyPem)).ToArray(),
    }, "module-config.signed.json");

    public string ConsoleDir(string consoleId) => Path.Combine(_consoles.Path, consoleId);

    /// <summary>The server's public key as a technician copies it to a console (--server-key).</summary>
    public string ServerKeyFile(ISigner? key = null)
    {
        var path = Path.Combine(_consoles.Path, $"server-public-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, (key ?? Module.ServerKey).PublicKeyPem);
        return path;
    }

    public ConsoleOptions Options(string consoleId) =>
        new(ConsoleDir(consoleId), consoleId, Module.App!.LanUrl, ServerKeyFile(), "http://127.0.0.1:0")
        { ServerTimeout = TimeSpan.FromSeconds(60) };

    /// <summary>Runs a console; a paired one by default, or with any key and options a test gives.</summary>
    public async Task<HttpClient> Run(string consoleId, ISigner? key = null, ConsoleOptions? options = null)
    {
        var built = ConsoleApp.Build(options ?? Options(consoleId), key ?? Keys[consoleId]);
        Assert.True(built.IsOk, built.Error);
        var console = built.Value!;
        _running.Add(console);
        await console.StartAsync();
        return new HttpClient { BaseAddress = new Uri(console.KioskUrl) };
    }

    /// <summary>The server's log lines refusing a LAN peer (rules.md R7).</summary>
    public string[] ServerRefusals() => Module.LogLines().Where(l => l.Contains("\"lan-peer-refused\"")).ToArray();

    public string[] ConsoleLog(string consoleId) => File.ReadAllLines(Path.Combine(ConsoleDir(consoleId), ConsoleOptions.EventLogFile));

    public async ValueTask DisposeAsync()
    {
        foreach (var console in _running)
        {
            await console.StopAsync();
            await console.DisposeAsync();
        }
        await Module.DisposeAsync();
        foreach (var card in SmartCards?.Values.ToArray() ?? []) card.Dispose();
        _consoles.Dispose();
    }
}
