namespace Vmre.Lnere;

/// <summary>
/// One LNERE row (docs/formats/lnere.md), validated. Modality is set exactly when the
/// application meets the requirements; ModuleId exactly when the modality is presencial.
/// </summary>
public sealed record LnereRecord(
    string Clave,
    string Cic,
    string CitizenId,
    string Surnames,
    string GivenNames,
    Sex Sex,
    DateOnly BirthDate,
    string Entidad,
    string Country,
    RegistrationChannel Channel,
    CredentialType Credential,
    ApplicationStatus Status,
    Modality? Modality,
    string? ModuleId)
{
    public bool MeetsRequirements => Status == ApplicationStatus.Cumple;

    public bool VotesInPersonAt(string moduleId) =>
        MeetsRequirements && Modality == Lnere.Modality.Presencial && ModuleId == moduleId;
}
