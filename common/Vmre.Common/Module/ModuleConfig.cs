namespace Vmre.Common.Module;

/// <summary>
/// A module's signed configuration (docs/formats/module-config.md), written by provisioning:
/// its terminals and their TPM public keys (pairing), its officials and their PIN hashes,
/// the module server's public key, its time zone, the election package it runs and the LNERE
/// slice it serves (by hash, so an older or other slice signed by the same authority cannot be
/// installed in its place: rules.md R5).
/// </summary>
public sealed record ModuleConfig(
    string Format,
    string ModuleId,
    string Name,
    string TimeZone,
    string ElectionId,
    string PackageHash,
    string ServerPublicKeyPem,
    IReadOnlyList<TerminalEntry> Terminals,
    IReadOnlyList<OfficialEntry> Officials,
    int WalkInCap,
    string? SliceHash = null)
{
    public const string FormatV1 = "vmre-module-config/1";

    public TerminalEntry? Terminal(string id) => Terminals.FirstOrDefault(t => t.TerminalId == id);
    public OfficialEntry? Official(string credentialId) => Officials.FirstOrDefault(o => o.CredentialId == credentialId);
}

public sealed record TerminalEntry(string TerminalId, string PublicKeyPem);

/// <summary>An official's credential card id, role and PIN verifier (never the PIN).</summary>
public sealed record OfficialEntry(string CredentialId, OfficialRole Role, string Name, string PinSalt, string PinHash);

/// <summary>rules.md R8: who may do what.</summary>
public enum OfficialRole { Presidente, Secretario, Escrutador, Technician, Observer }
