using System.Text;
using Vmre.Common.Signing;

namespace Vmre.Common.Lnere;

/// <summary>
/// One module's part of the LNERE (docs/formats/lnere-slice.md), signed by the authority.
/// Voters: the in-person voters assigned to this module who meet the requirements — the only
/// identities the module holds (rules.md R2: they never leave the module server's list).
/// Blocked: hashed keys of other LNERE entries, so the desk can say *why* a person cannot
/// vote here (postal, internet, another module) without holding their names.
/// </summary>
public sealed record LnereSlice(
    string Format,
    string ElectionId,
    string ModuleId,
    string ModuleName,
    IReadOnlyList<SliceVoter> Voters,
    IReadOnlyList<SliceBlock> Blocked)
{
    public const string FormatV1 = "vmre-lnere-slice/1";
}

public sealed record SliceVoter(
    string Clave, string Cic, string Surnames, string GivenNames, string Entidad, string CredentialType);

public sealed record SliceBlock(string Key, BlockReason Reason);

/// <summary>Why an LNERE entry cannot vote at this module.</summary>
public enum BlockReason { Postal, Internet, OtherModule, NotEligible }

/// <summary>
/// The lookup key of a blocked entry: a hash of the clave de elector or of the CIC. It is an
/// index, not anonymisation (the key space is small); it keeps names and addresses out.
/// </summary>
public static class SliceKey
{
    public static string OfClave(string clave) => Hash("clave|" + clave.Trim().ToUpperInvariant());

    public static string OfCic(string cic) => Hash("cic|" + cic.Trim());

    private static string Hash(string text) =>
        ContentHash.Of(Encoding.UTF8.GetBytes("vmre-lnere/1|" + text))[..32];
}
