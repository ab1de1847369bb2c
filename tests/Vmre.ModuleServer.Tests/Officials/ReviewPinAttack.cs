using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Vmre.ModuleServer.Tests.Officials;

/// <summary>
/// The security review's offline attack (issue 11): take the PIN verifiers out of a module config
/// and try PINs against them with PBKDF2-SHA256, 100,000 iterations, as v1/v2 stored them. Used to
/// show the v2 vector falls to it and that nothing a v3 module writes gives it anything to attack.
/// </summary>
public static class ReviewPinAttack
{
    public sealed record Target(string CredentialId, byte[] Salt, byte[] Hash);

    /// <summary>Every (salt, hash) pair the attack finds in a JSON document: any object with a pinSalt and a pinHash.</summary>
    public static IReadOnlyList<Target> Targets(byte[] json)
    {
        var found = new List<Target>();
        try
        {
            using var document = JsonDocument.Parse(json);
            Walk(document.RootElement, found);
        }
        catch (JsonException)
        {
            // Not JSON: nothing of this shape in it.
        }
        return found;
    }

    /// <summary>The PIN among <paramref name="guesses"/> whose PBKDF2 matches, or null.</summary>
    public static string? Guess(Target target, IEnumerable<string> guesses) =>
        guesses.FirstOrDefault(pin => CryptographicOperations.FixedTimeEquals(target.Hash,
            Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(pin), target.Salt, 100_000, HashAlgorithmName.SHA256, 32)));

    private static void Walk(JsonElement element, List<Target> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var props = element.EnumerateObject().ToDictionary(p => p.Name.ToLowerInvariant(), p => p.Value);
                if (props.TryGetValue("pinsalt", out var salt) && props.TryGetValue("pinhash", out var hash))
                    found.Add(new Target(props.TryGetValue("credentialid", out var id) ? id.ToString() : "?",
                        Convert.FromBase64String(salt.GetString()!), Convert.FromBase64String(hash.GetString()!)));
                foreach (var value in props.Values) Walk(value, found);
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray()) Walk(item, found);
                break;
            case JsonValueKind.String when element.GetString() is { } text && text.Length > 0 && text.Length % 4 == 0 && text[0] == 'e':
                // A signed envelope's payload is base64 JSON ("eyJ..."): the attack opens it too.
                var bytes = new byte[text.Length];
                if (Convert.TryFromBase64String(text, bytes, out var written)) found.AddRange(Targets(bytes[..written]));
                break;
        }
    }
}
