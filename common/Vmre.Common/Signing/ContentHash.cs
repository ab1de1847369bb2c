using System.Security.Cryptography;

namespace Vmre.Common.Signing;

/// <summary>
/// Lowercase hex SHA-256 of some bytes: the one content hash VMRE documents carry (package
/// hash, slice hash, record hash, log chain, key ids are prefixes of it).
/// </summary>
public static class ContentHash
{
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));
}
