namespace Vmre.Provisioning.Lnere.Synthetic;

/// <summary>
/// The two states of PEL 2022-2023 with the figures of DATA.md, and the national status split
/// (3,424 cumple, 84 subsane, 133 en revisión) the non-meeting applications are divided by.
/// </summary>
public static class StateProfiles
{
    public const int DefaultCount = 3641;
    public static readonly int[] NotMeetingSplit = [84, 133];

    public static StateProfile Coahuila { get; } = new(
        "05", 1139, 1089,
        [898, 241], [865, 224],
        [1122, 17], [1078, 11],
        [515, 624], [496, 593],
        [620, 427, 42],
        46, c => c.Coahuila);

    public static StateProfile EstadoDeMexico { get; } = new(
        "15", 2502, 2335,
        [2001, 501], [1887, 448],
        [2456, 46], [2299, 36],
        [1511, 991], [1397, 938],
        [1378, 813, 144],
        43, c => c.EstadoDeMexico);

    public static IReadOnlyList<StateProfile> All { get; } = [Coahuila, EstadoDeMexico];
}
