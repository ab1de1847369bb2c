using System.Collections.Concurrent;
using System.Security.Cryptography;
using Vmre.Common.Protocol;

namespace Vmre.ModuleServer.Officials;

/// <summary>
/// Desk sessions: a random bearer token (OS CSPRNG, rules.md R3) per signed-in official,
/// held only in memory so a restart signs everyone out.
/// </summary>
public sealed class OfficialSessions(PinCheck pins)
{
    private readonly ConcurrentDictionary<string, OfficialIdentity> _byToken = new(StringComparer.Ordinal);

    public (SignInOutcome Outcome, OfficialSession? Session) SignIn(OfficialCredential credential)
    {
        var outcome = pins.Check(credential.CredentialId, credential.Pin, "session");
        if (outcome.Status != SignInStatus.Ok) return (outcome, null);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var official = outcome.Official!;
        _byToken[token] = official;
        return (outcome, new OfficialSession(token, official.Role.ToString(), official.Name));
    }

    /// <summary>End a desk session: the token stops working at once (not only in the browser).</summary>
    public OfficialIdentity? SignOut(string? bearer) =>
        bearer is not null && _byToken.TryRemove(bearer, out var official) ? official : null;

    public OfficialIdentity? Resolve(string? bearer) =>
        bearer is not null && _byToken.TryGetValue(bearer, out var official) ? official : null;
}
