using Vmre.Common.Election;
using Vmre.Common.Lnere;

namespace Vmre.ModuleServer.Tests.Support;

/// <summary>The invented election (<see cref="InventedBallots"/>) with its module, voters and blocks.</summary>
public static class TestElection
{
    public const string ElectionId = InventedBallots.ElectionId;
    public const string ModuleId = "MRV-CHI";

    public static ElectionPackage Package() => InventedBallots.Package();

    /// <summary>Invented voters (never real people).</summary>
    public static readonly SliceVoter[] Voters =
    [
        new("PRUEBA00000001M001", "100000001", "PRUEBA ALFA", "ELENA", "05", "CPVE"),
        new("PRUEBA00000002H002", "100000002", "PRUEBA BETA", "JUAN CARLOS", "05", "CPVE"),
        new("PRUEBA00000003M003", "100000003", "PRUEBA GAMA", "LUZ", "15", "CPV"),
        new("PRUEBA00000004H004", "100000004", "PRUEBA DELTA", "RAUL", "05", "CPVE"),
        new("PRUEBA00000005M005", "100000005", "PRUEBA EPSILON", "SOFIA", "15", "CPVE"),
    ];

    public const string PostalClave = "POSTAL00000001H001";
    public const string InternetCic = "200000001";
    public const string OtherModuleClave = "OTROMD00000001M001";
    public const string NotEligibleClave = "NOELEG00000001H001";

    public static LnereSlice Slice(string moduleId = ModuleId) => new(
        LnereSlice.FormatV1, ElectionId, moduleId, "Consulado de prueba en Chicago", Voters,
        [
            new SliceBlock(SliceKey.OfClave(PostalClave), BlockReason.Postal),
            new SliceBlock(SliceKey.OfCic(InternetCic), BlockReason.Internet),
            new SliceBlock(SliceKey.OfClave(OtherModuleClave), BlockReason.OtherModule),
            new SliceBlock(SliceKey.OfClave(NotEligibleClave), BlockReason.NotEligible),
        ]);
}
