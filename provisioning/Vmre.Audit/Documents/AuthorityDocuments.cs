using Vmre.Common.Election;
using Vmre.Common.Lnere;
using Vmre.Common.Module;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Audit.Documents;

/// <summary>
/// Verifies the documents the authority signs — election packages, LNERE slices, module
/// configs — against its public key (rules.md R5). Other kinds (closing records, actas) are
/// signed by devices and are refused here with a reason rather than waved through.
/// </summary>
public static class AuthorityDocuments
{
    public static Parsed<VerifiedDocument> Verify(string path, PublicKey authority) =>
        SignedDocument.ReadFile(path).Then(envelope => Verify(envelope, authority));

    public static Parsed<VerifiedDocument> Verify(SignedDocument envelope, PublicKey authority)
    {
        var hash = () => Vmre.Common.Signing.ContentHash.Of(envelope.PayloadBytes());
        return envelope.Kind switch
        {
            DocumentKinds.ElectionPackage => ElectionPackageFile.Open(envelope, authority).Then(v =>
                Ok(envelope.Kind, v.Hash, $"{v.Package.ElectionId}: {v.Package.Contests.Count} contests, {v.Package.BallotStyles.Count} ballot styles")),
            DocumentKinds.LnereSlice => envelope.Open<LnereSlice>(envelope.Kind, authority).Then(s =>
                s.Format != LnereSlice.FormatV1
                    ? Parsed<VerifiedDocument>.Fail($"unknown LNERE slice format '{s.Format}'")
                    : Ok(envelope.Kind, hash(), $"{s.ModuleId} {s.ModuleName}: {s.Voters.Count} voters, {s.Blocked.Count} blocked keys")),
            DocumentKinds.ModuleConfig => ModuleConfigCheck.Open(envelope, authority).Then(c =>
                Ok(envelope.Kind, hash(), $"{c.ModuleId} {c.Name}: {c.Terminals.Count} terminals, {c.Officials.Count} officials, package {PackageHash.Short(c.PackageHash)}")),
            _ => Parsed<VerifiedDocument>.Fail($"kind '{envelope.Kind}' is not signed by the authority; this command does not verify it"),
        };
    }

    private static Parsed<VerifiedDocument> Ok(string kind, string hash, string description) =>
        Parsed<VerifiedDocument>.Ok(new VerifiedDocument(kind, hash, description));
}
