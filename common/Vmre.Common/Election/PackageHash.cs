using Vmre.Common.Signing;

namespace Vmre.Common.Election;

/// <summary>The election package's identity on every report: SHA-256 of its signed payload bytes.</summary>
public static class PackageHash
{
    public static string Of(byte[] payload) => ContentHash.Of(payload);

    /// <summary>The 8-hex-char prefix carried in each testigo QR (docs/formats/testigo-qr.md).</summary>
    public static string Short(string hash) => hash[..8];
}
