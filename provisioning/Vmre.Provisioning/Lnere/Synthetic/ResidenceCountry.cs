namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>A country of residence with its count of applications meeting requirements per state (DATA.md).</summary>
public sealed record ResidenceCountry(string Name, int Coahuila, int EstadoDeMexico);
