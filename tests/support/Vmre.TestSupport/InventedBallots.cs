using Vmre.Common.Election;

namespace Vmre.TestSupport;

/// <summary>
/// A small invented election shared by the test fixtures: Coahuila with a three-party
/// coalition, México with two parties. Invented names only.
/// </summary>
public static class InventedBallots
{
    public const string ElectionId = "PEL-2023-TEST";

    public static ElectionPackage Package() => new(
        ElectionPackage.FormatV1, ElectionId, "Proceso Electoral Local de prueba",
        [
            new Party("PAN", "Partido Acción Nacional"),
            new Party("PRI", "Partido Revolucionario Institucional"),
            new Party("PRD", "Partido de la Revolución Democrática"),
            new Party("MORENA", "Morena"),
            new Party("MC", "Movimiento Ciudadano"),
        ],
        [
            new Contest("GOB-05", "Gubernatura de Coahuila", "05",
            [
                new Candidacy("Candidata Alfa", ["PAN", "PRI", "PRD"], "Coalición de prueba"),
                new Candidacy("Candidato Beta", ["MORENA"]),
                new Candidacy("Candidata Gama", ["MC"]),
            ], AllowsWriteIn: true),
            new Contest("GOB-15", "Gubernatura del Estado de México", "15",
            [
                new Candidacy("Candidata Delta", ["MORENA"]),
                new Candidacy("Candidato Épsilon", ["PAN"]),
            ], AllowsWriteIn: false),
        ],
        [new BallotStyle("E05", "05", ["GOB-05"]), new BallotStyle("E15", "15", ["GOB-15"])]);
}
