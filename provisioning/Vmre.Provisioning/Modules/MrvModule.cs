namespace Vmre.Provisioning.Modules;

/// <summary>
/// A módulo receptor de votación: its id, display name, IANA time zone (closing is at local
/// time, brief section 2.5), the country it sits in, and its share of the synthetic
/// in-person voters.
/// </summary>
public sealed record MrvModule(string Id, string Name, string TimeZone, string Country, double Weight);
