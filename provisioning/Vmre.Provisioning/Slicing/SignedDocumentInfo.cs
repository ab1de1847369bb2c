namespace Vmre.Provisioning.Slicing;

/// <summary>Size and SHA-256 of a signed payload just written.</summary>
public sealed record SignedDocumentInfo(long PayloadBytes, string PayloadHash);
