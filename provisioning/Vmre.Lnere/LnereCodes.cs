namespace Vmre.Lnere;

/// <summary>
/// The CSV spelling of each coded column (docs/formats/lnere.md). One table both ways so
/// the writer and the reader can never disagree.
/// </summary>
public static class LnereCodes
{
    public static readonly string[] Header =
    [
        "clave_elector", "cic", "citizen_id", "surnames", "given_names", "sex", "birth_date", "entidad",
        "country", "channel", "credential", "status", "modality", "module",
    ];

    public static string Of(Sex sex) => sex == Sex.H ? "H" : "M";
    public static string Of(RegistrationChannel c) => c == RegistrationChannel.Inetel ? "INETEL" : "SRVE";
    public static string Of(CredentialType c) => c == CredentialType.Cpve ? "CPVE" : "CPV";

    public static string Of(ApplicationStatus s) => s switch
    {
        ApplicationStatus.Cumple => "cumple",
        ApplicationStatus.Subsane => "subsane",
        _ => "revision",
    };

    public static string Of(Modality? m) => m switch
    {
        Modality.Internet => "internet",
        Modality.Postal => "postal",
        Modality.Presencial => "presencial",
        _ => "",
    };

    public static Sex? SexFrom(string s) => s switch { "H" => Sex.H, "M" => Sex.M, _ => null };

    public static RegistrationChannel? ChannelFrom(string s) =>
        s switch { "INETEL" => RegistrationChannel.Inetel, "SRVE" => RegistrationChannel.Srve, _ => null };

    public static CredentialType? CredentialFrom(string s) =>
        s switch { "CPVE" => CredentialType.Cpve, "CPV" => CredentialType.Cpv, _ => null };

    public static ApplicationStatus? StatusFrom(string s) => s switch
    {
        "cumple" => ApplicationStatus.Cumple,
        "subsane" => ApplicationStatus.Subsane,
        "revision" => ApplicationStatus.Revision,
        _ => null,
    };

    public static Modality? ModalityFrom(string s) => s switch
    {
        "internet" => Modality.Internet,
        "postal" => Modality.Postal,
        "presencial" => Modality.Presencial,
        _ => null,
    };
}
