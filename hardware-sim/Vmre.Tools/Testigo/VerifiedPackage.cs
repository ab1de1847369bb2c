using Vmre.Common.Election;

namespace Vmre.Tools.Testigo;

/// <summary>An election package whose signature checked out, with the hash its testigos carry a prefix of.</summary>
public sealed record VerifiedPackage(ElectionPackage Package, string Hash);
