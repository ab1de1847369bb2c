using Vmre.Lnere;

namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>
/// One state's published SIILNERE figures (DATA.md), at the scale of the 3,641 real
/// applications. Pairs are (all applications, those meeting requirements); the difference is
/// the subsane/en-revisión applications. Orders: channel INETEL,SRVE; credential CPVE,CPV;
/// sex H,M; modality internet,postal,presencial.
/// </summary>
public sealed record StateProfile(
    string Entidad,
    int Applications,
    int Cumple,
    int[] ChannelAll, int[] ChannelCumple,
    int[] CredentialAll, int[] CredentialCumple,
    int[] SexAll, int[] SexCumple,
    int[] ModalityCumple,
    double MeanAge,
    Func<ResidenceCountry, int> CountryCount)
{
    public int NotMeeting => Applications - Cumple;

    public static int[] Rest(int[] all, int[] cumple) => all.Zip(cumple, (a, c) => a - c).ToArray();
}
