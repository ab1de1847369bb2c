namespace Vmre.Lnere;

/// <summary>
/// The 18-character clave de elector: 6 letters from surnames and given name, birth date
/// YYMMDD, 2-digit state of birth, H/M, 3-character homoclave.
/// </summary>
public static class ClaveElector
{
    public const int Length = 18;

    /// <summary>Null when well-formed, else why not.</summary>
    public static string? Problem(string clave)
    {
        if (clave.Length != Length) return $"clave_elector must be {Length} characters, got {clave.Length}";
        for (var i = 0; i < 6; i++)
            if (clave[i] is < 'A' or > 'Z') return "clave_elector must start with 6 letters A-Z";
        for (var i = 6; i < 14; i++)
            if (!char.IsAsciiDigit(clave[i])) return "clave_elector positions 7-14 must be digits (YYMMDD + state)";
        // YY is ambiguous across centuries (000229 is a date only in 2000): accept either; the row
        // check against birth_date settles which.
        if (BirthDate(clave, 1900) is null && BirthDate(clave, 2000) is null) return $"clave_elector holds no valid date '{clave[6..12]}'";
        var state = int.Parse(clave.AsSpan(12, 2));
        if (state is < 1 or > 32 and not 87) return $"clave_elector state of birth {clave[12..14]} is not 01-32 or 87";
        if (clave[14] is not ('H' or 'M')) return "clave_elector position 15 must be H or M";
        for (var i = 15; i < 18; i++)
            if (!char.IsAsciiDigit(clave[i]) && clave[i] is < 'A' or > 'Z') return "clave_elector homoclave must be A-Z or 0-9";
        return null;
    }

    /// <summary>The YYMMDD birth date, in the century that ends at <paramref name="centuryStart"/> + 99.</summary>
    public static DateOnly? BirthDate(string clave, int centuryStart)
    {
        var yy = int.Parse(clave.AsSpan(6, 2));
        var mm = int.Parse(clave.AsSpan(8, 2));
        var dd = int.Parse(clave.AsSpan(10, 2));
        var year = centuryStart + yy;
        if (mm is < 1 or > 12 || dd < 1 || dd > DateTime.DaysInMonth(year, mm)) return null;
        return new DateOnly(year, mm, dd);
    }

    public static string DatePart(DateOnly birth) => birth.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture);
}
