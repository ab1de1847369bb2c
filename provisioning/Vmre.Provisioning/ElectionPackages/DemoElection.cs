using Vmre.Common.Election;

namespace Vmre.Provisioning.ElectionPackages;

/// <summary>
/// The demo election package: the 2023 governor races of Coahuila and Estado de México, as on
/// the public record (shared/design/DATA.md). Candidacies are in ballot order; a coalition's
/// parties are listed in the order their boxes appear, which is the order combinations are
/// reported in the acta (BallotRules).
/// </summary>
public static class DemoElection
{
    public const string ElectionId = "PEL-2022-2023-VMRE";
    public const string Name = "Proceso Electoral Local 2022-2023 — Voto de los mexicanos residentes en el extranjero";

    public static ElectionPackage Pel2023() => new(
        ElectionPackage.FormatV1,
        ElectionId,
        Name,
        [
            new Party("PAN", "Partido Acción Nacional"),
            new Party("PRI", "Partido Revolucionario Institucional"),
            new Party("PRD", "Partido de la Revolución Democrática"),
            new Party("PT", "Partido del Trabajo"),
            new Party("PVEM", "Partido Verde Ecologista de México"),
            new Party("MORENA", "Morena"),
            new Party("UDC", "Unidad Democrática de Coahuila"),
            new Party("NAEM", "Nueva Alianza Estado de México"),
        ],
        [Coahuila(), EstadoDeMexico()],
        [
            new BallotStyle("05", "05", ["GOB-05"]),
            new BallotStyle("15", "15", ["GOB-15"]),
        ]);

    private static Contest Coahuila() => new(
        "GOB-05",
        "Gubernatura de Coahuila de Zaragoza",
        "05",
        [
            new Candidacy("Manolo Jiménez Salinas", ["PAN", "PRI", "PRD"], "Alianza Ciudadana por la Seguridad"),
            new Candidacy("Ricardo Mejía Berdeja", ["PT"]),
            new Candidacy("Lenin Pérez Rivera", ["PVEM", "UDC"], "Coalición PVEM-UDC"),
            new Candidacy("Armando Guadiana Tijerina", ["MORENA"]),
        ],
        AllowsWriteIn: true);

    private static Contest EstadoDeMexico() => new(
        "GOB-15",
        "Gubernatura del Estado de México",
        "15",
        [
            new Candidacy("Alejandra del Moral Vela", ["PAN", "PRI", "PRD", "NAEM"], "Va por el Estado de México"),
            new Candidacy("Delfina Gómez Álvarez", ["PT", "PVEM", "MORENA"], "Juntos Hacemos Historia en el Estado de México"),
        ],
        AllowsWriteIn: true);
}
