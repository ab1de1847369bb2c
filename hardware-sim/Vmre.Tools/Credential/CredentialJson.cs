using Vmre.Firmware.Credential;

namespace Vmre.Tools.Credential;

/// <summary>The fields `parse-credential` prints, named as in ICAO 9303 (dates stay YYMMDD as printed).</summary>
public sealed record CredentialJson(
    string DocumentNumber,
    string? CitizenId,
    string OptionalData1,
    string BirthDate,
    string Sex,
    string ExpiryDate,
    string Nationality,
    string OptionalData2,
    string Surnames,
    string GivenNames)
{
    public static CredentialJson Of(CredentialMrz c) => new(c.DocumentNumber, c.CitizenId, c.OptionalData1,
        c.BirthDate, c.Sex, c.ExpiryDate, c.Nationality, c.OptionalData2, c.Surnames, c.GivenNames);
}
