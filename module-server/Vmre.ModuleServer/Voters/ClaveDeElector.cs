using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Voters;

/// <summary>The 18-character clave de elector as typed at the desk: trimmed, upper-cased, A-Z 0-9 only.</summary>
public static class ClaveDeElector
{
    public const int Length = 18;

    public static Parsed<string> Normalise(string? typed)
    {
        if (string.IsNullOrWhiteSpace(typed)) return Parsed<string>.Fail("give a credential MRZ or a clave de elector");
        var clave = typed.Trim().ToUpperInvariant();
        if (clave.Length != Length) return Parsed<string>.Fail($"a clave de elector has {Length} characters, got {clave.Length}");
        foreach (var c in clave)
            if (c is not (>= 'A' and <= 'Z' or >= '0' and <= '9'))
                return Parsed<string>.Fail("a clave de elector holds only letters A-Z and digits");
        return Parsed<string>.Ok(clave);
    }
}
