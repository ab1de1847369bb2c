using System.Device.Gpio;
using System.Text;
using Vmre.Common.Protocol;
using Vmre.Common.Module;
using Vmre.Firmware.Signals;
using Vmre.Terminal.Tests.Support;

namespace Vmre.Terminal.Tests.Faults;

/// <summary>
/// Issue 11 point 7, the review's offline guessing, at a terminal: the whole terminal (TerminalHost
/// on swtpm, its card reader the PN532 emulator over a pty with the officials' VMRE-K2 cards)
/// after an official's PIN traffic — wrong PINs, a lock — holds nothing in its data folder a PIN
/// guess could be tested against: the module config lists card public keys only, and no file
/// (vote store, log, measured config) holds the PIN or a PIN verifier.
/// </summary>
[Collection(SerialTimingCollection.Name)] // an official's card is read through the real PN532 binding
public sealed class OfflinePinGuessingTests
{
    [Fact]
    public async Task After_wrong_pins_and_a_lock_no_file_in_the_terminals_data_folder_holds_a_pin_or_a_verifier()
    {
        await using var terminal = new LiveTerminal(withCardReader: true);
        await terminal.Start();
        Assert.True((await terminal.Command(ModuleCommandKind.ZeroReport)).IsOk);
        terminal.Tray.WaitFor(1);
        terminal.Gpio.Drive(TerminalPins.CoverSwitch, PinValue.High);
        await terminal.WaitForState(s => s.Session == "Fault");
        await terminal.CloseCover();

        terminal.PresentCard(TestElection.PresidenteCard);
        foreach (var wrong in new[] { "97310", "97311", "97312" }) Assert.False((await terminal.Api.ClearFault(wrong)).IsOk);
        Assert.StartsWith("credential locked until", (await terminal.Api.ClearFault(TestElection.PresidentePin)).Error);

        var files = Directory.EnumerateFiles(terminal.DataDir, "*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => f.EndsWith("module-config.signed.json", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var text = Encoding.Latin1.GetString(File.ReadAllBytes(file));
            var payloads = text.Contains("\"payload\"", StringComparison.Ordinal)
                ? Vmre.Common.Signing.SignedDocument.ReadFile(file) is { IsOk: true } doc ? Encoding.UTF8.GetString(doc.Value!.PayloadBytes()) : ""
                : "";
            foreach (var content in new[] { text, payloads })
            {
                Assert.False(content.Contains("pinSalt", StringComparison.OrdinalIgnoreCase) || content.Contains("pinHash", StringComparison.OrdinalIgnoreCase),
                    $"{file} holds a PIN verifier");
                Assert.False(new[] { TestElection.PresidentePin, "97310", "97311", "97312" }.Any(pin => content.Contains($"\"{pin}\"", StringComparison.Ordinal)),
                    $"{file} holds a PIN");
            }
        }
        var officials = Vmre.Common.Signing.SignedDocument.ReadFile(files.Single(f => f.EndsWith("module-config.signed.json", StringComparison.Ordinal)))
            .ValueOrThrow().PayloadBytes();
        using var json = System.Text.Json.JsonDocument.Parse(officials);
        Assert.All(json.RootElement.GetProperty("officials").EnumerateArray(), o =>
            Assert.Equal(["credentialId", "role", "name", "cardPublicKeyPem"], o.EnumerateObject().Select(p => p.Name)));
    }
}
