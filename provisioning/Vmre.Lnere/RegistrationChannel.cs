namespace Vmre.Lnere;

/// <summary>How the SIILNERE application arrived: by phone (INETEL) or the web (SRVE).</summary>
public enum RegistrationChannel { Inetel, Srve }
