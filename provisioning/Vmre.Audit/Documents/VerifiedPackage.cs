using Vmre.Common.Election;

namespace Vmre.Audit.Documents;

/// <summary>An election package whose signature checked out, with the hash every report carries.</summary>
public sealed record VerifiedPackage(ElectionPackage Package, string Hash);
