using System.Text;
using System.Text.Json;
using Vmre.Common.Signing;
using Vmre.ModuleServer.Tests.Support;

namespace Vmre.ModuleServer.Tests.Officials;

/// <summary>
/// Issue 11 point 7, the review's "PINs recoverable offline": on main every device's
/// module-config.signed.json held PBKDF2 PIN verifiers, and the review recovered a PIN from it.
/// The attack still works on the retired v2 golden vector (so this test can fail); against a
/// running v3 module's data folder, after sign-ins, wrong PINs and a lock, it finds nothing: the
/// officials' entries hold four fields and a card public key, and no file holds the PIN.
/// </summary>
public sealed class OfflineGuessingTests
{
    private static readonly string[] Guesses = ["000000", "123456", "482913", TestModule.Pin, "1111"];

    [Fact]
    public void The_reviews_attack_recovers_a_pin_from_the_retired_v2_config()
    {
        var v2 = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "vectors", "module-config-v2.payload.json"));
        var targets = ReviewPinAttack.Targets(v2);
        Assert.Equal(5, targets.Count);
        Assert.Equal("482913", ReviewPinAttack.Guess(targets[0], Guesses));
    }

    [Fact]
    public async Task A_v3_modules_data_folder_gives_the_attack_nothing_and_holds_no_pin()
    {
        await using var server = await ServerProcess.Start();
        // A day's worth of PIN traffic first: sign-ins, wrong PINs, a lock.
        server.Desk.PresentCard(server.Cards["ESC-01"]);
        foreach (var pin in new[] { TestModule.Pin, "1111", "1111", "1111" })
        {
            using var answer = await server.Http.PostAsync(Vmre.Common.Protocol.ServerRoutes.OfficialSession,
                new StringContent($"{{\"pin\":\"{pin}\"}}", Encoding.UTF8, "application/json"));
            if (!answer.IsSuccessStatusCode) continue;
            // Signed out again, or the card on the reader would take no PIN (review finding 8).
            var token = JsonDocument.Parse(await answer.Content.ReadAsStringAsync()).RootElement.GetProperty("token").GetString();
            using var signOut = new HttpRequestMessage(HttpMethod.Delete, Vmre.Common.Protocol.ServerRoutes.OfficialSession);
            signOut.Headers.Authorization = new("Bearer", token);
            Assert.Equal(System.Net.HttpStatusCode.NoContent, (await server.Http.SendAsync(signOut)).StatusCode);
        }
        Assert.Contains(server.Module.LogLines(), l => l.Contains("\"official-locked\""));

        var config = SignedDocument.ReadFile(Path.Combine(server.Module.Dir, "module-config.signed.json")).ValueOrThrow();
        using var payload = JsonDocument.Parse(config.PayloadBytes());
        Assert.Equal("vmre-module-config/3", payload.RootElement.GetProperty("format").GetString());
        foreach (var official in payload.RootElement.GetProperty("officials").EnumerateArray())
        {
            Assert.Equal(["credentialId", "role", "name", "cardPublicKeyPem"], official.EnumerateObject().Select(p => p.Name));
            PublicKey.FromPem(official.GetProperty("cardPublicKeyPem").GetString()!); // a P-256 public key: nothing to test a PIN against
        }

        var files = server.DataFiles().ToList();
        Assert.Contains(files, f => f.EndsWith("module.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("events.jsonl", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            Assert.True(ReviewPinAttack.Targets(bytes).Count == 0, $"{file} holds PIN verifiers");
            var text = Encoding.Latin1.GetString(bytes);
            Assert.False(text.Contains("pinSalt", StringComparison.OrdinalIgnoreCase) || text.Contains("pinHash", StringComparison.OrdinalIgnoreCase),
                $"{file} names a PIN verifier");
            Assert.False(text.Contains("\"" + TestModule.Pin + "\"", StringComparison.Ordinal), $"{file} holds the PIN");
        }
    }
}
