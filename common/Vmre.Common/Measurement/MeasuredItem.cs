namespace Vmre.Common.Measurement;

/// <summary>
/// One thing the measured start measures (issue 10 point 1, docs/formats/measurements.md): its
/// name (program, terminal-config, module-config, election-package) and its SHA-256, lowercase hex.
/// </summary>
public sealed record MeasuredItem(string Name, string Sha256)
{
    /// <summary>The 32 bytes handed to the TPM's extend.</summary>
    public byte[] Digest() => Convert.FromHexString(Sha256);
}
