using Vmre.Common.Election;

namespace Vmre.Common.Tests.Support;

/// <summary>
/// The 2023 pilot ballots (governor races of Coahuila and Estado de México), built here so the
/// ballot-rule tests read like the real acta: coalitions of 3, 2 and 4 parties and single parties.
/// </summary>
public static class Ballots2023
{
    public const string Coahuila = "GOB-COAH";
    public const string Mexico = "GOB-MEX";
    public const string NoWriteIn = "GOB-NOCNR";

    public static readonly Contest CoahuilaContest = new(Coahuila, "Gubernatura de Coahuila", "05",
    [
        new("Manolo Jiménez Salinas", ["PAN", "PRI", "PRD"], "Alianza Ciudadana por la Seguridad"),
        new("Ricardo Mejía Berdeja", ["PT"]),
        new("Lenin Pérez Rivera", ["PVEM", "UDC"], "Coalición PVEM-UDC"),
        new("Armando Guadiana Tijerina", ["MORENA"]),
    ], AllowsWriteIn: true);

    public static readonly Contest MexicoContest = new(Mexico, "Gubernatura del Estado de México", "15",
    [
        new("Alejandra del Moral Vela", ["PAN", "PRI", "PRD", "NAEM"], "Va por el Estado de México"),
        new("Delfina Gómez Álvarez", ["PT", "PVEM", "MORENA"], "Juntos Hacemos Historia"),
    ], AllowsWriteIn: true);

    /// <summary>Same candidacies as Coahuila, but the contest admits no candidatura no registrada.</summary>
    public static readonly Contest NoWriteInContest = CoahuilaContest with { Id = NoWriteIn, AllowsWriteIn = false };

    public static ElectionPackage Package() => new(
        ElectionPackage.FormatV1, "PEL-2023", "Proceso Electoral Local 2022-2023",
        [
            new("PAN", "Partido Acción Nacional"), new("PRI", "Partido Revolucionario Institucional"),
            new("PRD", "Partido de la Revolución Democrática"), new("PT", "Partido del Trabajo"),
            new("PVEM", "Partido Verde Ecologista de México"), new("UDC", "Unidad Democrática de Coahuila"),
            new("MORENA", "Morena"), new("NAEM", "Nueva Alianza Estado de México"),
        ],
        [CoahuilaContest, MexicoContest],
        [new("COAH", "05", [Coahuila]), new("MEX", "15", [Mexico])]);
}
