using System.Security.Cryptography;

namespace Vmre.Common.Cards;

/// <summary>
/// A fresh 32-byte challenge from the OS CSPRNG (rules.md R3) for one card answer. A verifier
/// keeps the challenges it issued and accepts each answer once, so a recorded answer is worthless.
/// </summary>
public sealed record CardChallenge
{
    public const int Length = 32;

    private readonly byte[] _bytes;

    private CardChallenge(byte[] bytes) => _bytes = bytes;

    public static CardChallenge New() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>A challenge received from elsewhere (a LAN console, a test vector): exactly 32 bytes.</summary>
    public static CardChallenge From(ReadOnlySpan<byte> bytes) =>
        bytes.Length == Length ? new(bytes.ToArray()) : throw new ArgumentException($"a card challenge is {Length} bytes", nameof(bytes));

    public ReadOnlySpan<byte> Bytes => _bytes;

    public bool Equals(CardChallenge? other) => other is not null && CryptographicOperations.FixedTimeEquals(_bytes, other._bytes);

    public override int GetHashCode() => BitConverter.ToInt32(_bytes, 0);
}
