using Vmre.Common.Election;

namespace Vmre.ModuleServer.Counting;

/// <summary>How each line of the acta is named on paper (docs/formats/acta.md).</summary>
public static class ActaLabels
{
    public const string WriteIn = "Candidaturas no registradas";
    public const string Null = "Votos nulos";

    public static string Of(ElectionPackage package, CountedAs line) => line.Kind switch
    {
        CountKind.Party => package.Parties.FirstOrDefault(p => p.Code == line.Key)?.Name ?? line.Key,
        CountKind.Combination => "Combinación " + line.Key.Replace('+', '-'),
        CountKind.WriteIn => WriteIn,
        CountKind.Null => Null,
        _ => throw new ArgumentOutOfRangeException(nameof(line), line.Kind, "unknown count kind"),
    };
}
