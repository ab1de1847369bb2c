namespace Vmre.Lnere;

/// <summary>Credential issued abroad (CPVE) or in Mexico (CPV).</summary>
public enum CredentialType { Cpve, Cpv }
