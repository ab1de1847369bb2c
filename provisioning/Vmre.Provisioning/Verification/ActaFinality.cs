using Vmre.Audit.Documents;
using Vmre.Common.Acta;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Provisioning.Verification;

/// <summary>
/// Issue 11 point 5: which of a module's signed actas is final. Each acta is verified under the
/// module server key its module config names; among one module's actas, one named in another's
/// <c>supersedes</c> still verifies but is not final, and the final one is the acta no other
/// supersedes. Two of one module that neither supersedes are refused: nothing says which counts.
/// </summary>
public static class ActaFinality
{
    /// <summary>A verified module config's server key, by the module it serves.</summary>
    public sealed record ServerKey(string ModuleId, PublicKey Key);

    private sealed record Opened(Acta Acta, string Hash);

    private static readonly string[] Known = [Acta.FormatV1, Acta.FormatV2, Acta.FormatV3, Acta.FormatV4];

    public static IReadOnlyList<Parsed<VerifiedDocument>> Judge(IReadOnlyList<SignedDocument> actas, IReadOnlyList<ServerKey> servers)
    {
        var opened = actas.Select(envelope => Open(envelope, servers)).ToArray();
        var verified = opened.Where(o => o.IsOk).Select(o => o.Value!).ToArray();
        return opened.Select(o => o.IsOk ? Finality(o.Value!, verified) : Parsed<VerifiedDocument>.Fail(o.Error!)).ToArray();
    }

    private static Parsed<Opened> Open(SignedDocument envelope, IReadOnlyList<ServerKey> servers)
    {
        var server = servers.FirstOrDefault(s => s.Key.KeyId == envelope.KeyId);
        if (server is null)
            return Parsed<Opened>.Fail($"acta signed by key {envelope.KeyId}: no module config among the files names that server key (add the module's module-config.signed.json)");
        return envelope.Open<Acta>(DocumentKinds.Acta, server.Key).Then(acta =>
            !Known.Contains(acta.Format)
                ? Parsed<Opened>.Fail($"unknown acta format '{acta.Format}'")
            : acta.ModuleId != server.ModuleId
                ? Parsed<Opened>.Fail($"acta of module {acta.ModuleId} signed by the server key of module {server.ModuleId}")
                : Parsed<Opened>.Ok(new Opened(acta, ContentHash.Of(envelope.PayloadBytes()))));
    }

    private static Parsed<VerifiedDocument> Finality(Opened acta, IReadOnlyList<Opened> all)
    {
        var module = all.Where(o => o.Acta.ModuleId == acta.Acta.ModuleId).ToArray();
        var supersededBy = module.FirstOrDefault(o => o.Hash != acta.Hash && (o.Acta.Supersedes ?? []).Contains(acta.Hash, StringComparer.Ordinal));
        var summary = $"{acta.Acta.ModuleId}: {acta.Acta.Terminals.Count} terminals counted, reconciled {(acta.Acta.Reconciliation.Reconciled ? "yes" : "no")}";
        if (supersededBy is not null)
            return Ok(acta, $"{summary} — NOT FINAL: superseded by acta {supersededBy.Hash}");
        var otherFinals = module.Count(o => o.Hash != acta.Hash && !module.Any(s => (s.Acta.Supersedes ?? []).Contains(o.Hash, StringComparer.Ordinal)));
        if (otherFinals > 0)
            return Parsed<VerifiedDocument>.Fail($"{summary}: {otherFinals + 1} actas of module {acta.Acta.ModuleId} and neither supersedes the other, so none is final");
        var earlier = acta.Acta.Supersedes?.Count ?? 0;
        // Review finding: "FINAL" alone overclaims — a verifier shown one superseded acta without the
        // later one cannot know. It is final among what was given; the module's published bundle and
        // its sealed log (every acta-signed line) say whether a later acta exists.
        return Ok(acta, $"{summary} — FINAL among the {module.Length} acta{(module.Length == 1 ? "" : "s")} of {acta.Acta.ModuleId} given: "
            + $"no acta given supersedes it (supersedes {earlier} earlier acta{(earlier == 1 ? "" : "s")})");
    }

    private static Parsed<VerifiedDocument> Ok(Opened acta, string description) =>
        Parsed<VerifiedDocument>.Ok(new VerifiedDocument(DocumentKinds.Acta, acta.Hash, description));
}
