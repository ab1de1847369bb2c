using Vmre.Common.Election;
using Vmre.Lnere;

namespace Vmre.Simulator.Voters;

/// <summary>A synthetic voter of the module: who they are (for the desk), which terminal they go to, what they mark.</summary>
public sealed record SimulatedVoter(LnereRecord Person, int Terminal, bool ScansCredential, IReadOnlyList<Marking> Markings,
    VoterAct Act = VoterAct.Screen);

/// <summary>How the voter presents themselves at the desk.</summary>
public static class CredentialScan
{
    /// <summary>The three MRZ lines on the back of their (synthetic) credential, ICAO 9303 TD1.</summary>
    public static string Mrz(LnereRecord p) =>
        Vmre.Firmware.Credential.MrzBuilder.Build(p.Cic, p.CitizenId, p.BirthDate.ToString("yyMMdd"),
            p.Sex == Sex.H ? "M" : "F", "331231", Latin(p.Surnames), Latin(p.GivenNames));

    // ICAO 9303 part 3: the MRZ carries A–Z only; accents are dropped, Ñ becomes N.
    private static string Latin(string name) =>
        new string(name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .ToArray()).ToUpperInvariant();
}
