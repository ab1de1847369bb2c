namespace Vmre.Common.Signing;

/// <summary>
/// Something that signs with an ECDSA P-256 key (rules.md R5): the authority's key on the
/// technician workstation, the module server's key, or a terminal's key inside its TPM.
/// </summary>
public interface ISigner
{
    /// <summary>First 16 hex chars of the SHA-256 of the public key (SubjectPublicKeyInfo DER).</summary>
    string KeyId { get; }

    string PublicKeyPem { get; }

    /// <summary>DER-encoded ECDSA signature over the SHA-256 of data.</summary>
    byte[] Sign(ReadOnlySpan<byte> data);
}
