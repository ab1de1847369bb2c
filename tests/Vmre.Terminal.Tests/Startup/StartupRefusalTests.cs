using Vmre.Terminal.Hosting;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Startup;

/// <summary>
/// rules.md R5: a terminal whose installed election package or module config does not verify
/// against the authority key refuses to start, and says why in its log.
/// </summary>
public sealed class StartupRefusalTests
{
    [Theory]
    [InlineData(InstalledElection.PackageFile, "election package: bad signature on election-package")]
    [InlineData(InstalledElection.ModuleConfigFile, "module config: bad signature on module-config")]
    public async Task A_tampered_installed_document_stops_the_terminal(string file, string reason)
    {
        await using var terminal = new LiveTerminal();
        var path = Path.Combine(terminal.DataDir, file);
        var text = File.ReadAllText(path);
        // Flip one character inside the base64 payload: same envelope, different bytes.
        var at = text.IndexOf("\"payload\":\"", StringComparison.Ordinal) + 20;
        File.WriteAllText(path, text[..at] + (text[at] == 'A' ? 'B' : 'A') + text[(at + 1)..]);

        var refused = await Assert.ThrowsAsync<TerminalStartupException>(terminal.Start);
        Assert.Equal(reason, refused.Message);
        var log = File.ReadAllText(Path.Combine(terminal.DataDir, "events.jsonl"));
        Assert.Contains("\"startup-refused\"", log);
    }
}
