namespace Vmre.Audit.Documents;

/// <summary>A document whose signature and body checked out: its kind, payload hash and a one-line description.</summary>
public sealed record VerifiedDocument(string Kind, string PayloadHash, string Description);
