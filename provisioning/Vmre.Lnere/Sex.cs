namespace Vmre.Lnere;

/// <summary>Sex as the credential prints it: H (hombre) or M (mujer).</summary>
public enum Sex { H, M }
