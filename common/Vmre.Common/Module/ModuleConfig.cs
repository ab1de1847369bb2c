namespace Vmre.Common.Module;

/// <summary>
/// A module's signed configuration (docs/formats/module-config.md), written by provisioning:
/// its terminals and their TPM public keys (pairing), its desk and observer consoles (paired
/// the same way, issue 8 point 1), its officials and their cards' public keys (v3, issue 11
/// point 1: no PIN verifier in any file), the module server's
/// public key, its time zone, the election package it runs, the LNERE slice it serves (by
/// hash, so an older or other slice signed by the same authority cannot be installed in its
/// place: rules.md R5) and how long an issued activation stays redeemable (issue 8 point 4).
/// </summary>
/// <remarks>
/// A reader checks a parsed config with <see cref="ModuleConfigCheck.Problem"/> before using it:
/// v1 and unknown versions, an activation lifetime out of range or a malformed console are
/// refused there. <see cref="ActivationMinutes"/> 0 and <see cref="Consoles"/> null are what a
/// document without those fields parses to (v1), never a valid v2.
/// </remarks>
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
    string? SliceHash = null,
    int ActivationMinutes = 0,
    IReadOnlyList<ConsoleEntry>? Consoles = null)
{
    /// <summary>Retired: no activation lifetime, no consoles. Readers refuse it by name.</summary>
    public const string FormatV1 = "vmre-module-config/1";
    /// <summary>Retired by issue 11 point 1: it held PBKDF2 PIN verifiers anyone with the file could attack offline.</summary>
    public const string FormatV2 = "vmre-module-config/2";
    public const string FormatV3 = "vmre-module-config/3";

    /// <summary>What provisioning writes when not told otherwise (issue 8 point 4).</summary>
    public const int DefaultActivationMinutes = 15;
    public const int MinActivationMinutes = 1;
    public const int MaxActivationMinutes = 240;

    public TerminalEntry? Terminal(string id) => Terminals.FirstOrDefault(t => t.TerminalId == id);
    public OfficialEntry? Official(string credentialId) => Officials.FirstOrDefault(o => o.CredentialId == credentialId);
    public ConsoleEntry? Console(string id) => Consoles?.FirstOrDefault(c => c.ConsoleId == id);

    /// <summary>How long an issued activation stays redeemable, judged on the module server's clock only.</summary>
    public TimeSpan ActivationLifetime() => TimeSpan.FromMinutes(ActivationMinutes);
}

public sealed record TerminalEntry(string TerminalId, string PublicKeyPem);

/// <summary>
/// A desk or observers' console and its device's P-256 public key, paired like a terminal
/// (issue 8 point 1; mutual TLS against these keys is wired elsewhere).
/// </summary>
public sealed record ConsoleEntry(string ConsoleId, ConsoleRole Role, string PublicKeyPem);

/// <summary>A desk console checks voters in; an observers' console only reads (rules.md R8).</summary>
public enum ConsoleRole { Desk, Observer }

/// <summary>
/// An official's credential card id, role, name and the VMRE-K2 card's P-256 public key (SPKI PEM).
/// The PIN is checked by the card itself (issue 11 point 1): nothing here lets anyone test a guess.
/// </summary>
public sealed record OfficialEntry(string CredentialId, OfficialRole Role, string Name, string CardPublicKeyPem);

/// <summary>rules.md R8: who may do what.</summary>
public enum OfficialRole { Presidente, Secretario, Escrutador, Technician, Observer }
