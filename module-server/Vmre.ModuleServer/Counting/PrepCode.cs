using System.Text;
using Vmre.Common.Acta;
using Vmre.Common.Election;

namespace Vmre.ModuleServer.Counting;

/// <summary>
/// The compact preliminary count printed as a QR on the acta for the PREP
/// (docs/formats/acta.md): <c>VMRE-P1|module|package8|contest:key=n,key=n;contest:...</c>.
/// Only totals per line, in acta order: nothing about individual votes (rules.md R3).
/// </summary>
public static class PrepCode
{
    public const string Tag = "VMRE-P1";

    public static string Of(Acta acta)
    {
        var text = new StringBuilder();
        text.Append(Tag).Append('|').Append(acta.ModuleId).Append('|').Append(PackageHash.Short(acta.PackageHash)).Append('|');
        text.AppendJoin(';', acta.Contests.Select(c =>
            c.ContestId + ":" + string.Join(",", c.Lines.Select(l => l.Key + "=" + l.Votes))));
        return text.ToString();
    }
}
