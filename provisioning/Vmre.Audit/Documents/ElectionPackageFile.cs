using Vmre.Common.Election;
using Vmre.Common.Serialization;
using Vmre.Common.Signing;

namespace Vmre.Audit.Documents;

/// <summary>Writing and opening the signed election package file (docs/formats/election-package.md).</summary>
public static class ElectionPackageFile
{
    public static SignedDocument Sign(ElectionPackage package, ISigner authority) =>
        SignedDocument.Create(DocumentKinds.ElectionPackage, package, authority);

    /// <summary>rules.md R5: verify before use; every refusal says why.</summary>
    public static Parsed<VerifiedPackage> Open(string path, PublicKey authority) =>
        SignedDocument.ReadFile(path).Then(envelope => Open(envelope, authority));

    public static Parsed<VerifiedPackage> Open(SignedDocument envelope, PublicKey authority) =>
        envelope.Open<ElectionPackage>(DocumentKinds.ElectionPackage, authority).Then(package =>
            package.Format != ElectionPackage.FormatV1
                ? Parsed<VerifiedPackage>.Fail($"unknown election package format '{package.Format}'")
                : Parsed<VerifiedPackage>.Ok(new VerifiedPackage(package, PackageHash.Of(envelope.PayloadBytes()))));
}
