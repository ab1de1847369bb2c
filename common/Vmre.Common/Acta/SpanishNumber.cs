namespace Vmre.Common.Acta;

/// <summary>Numbers in Spanish words, as the acta states every figure ("ciento veintitrés").</summary>
public static class SpanishNumber
{
    private static readonly string[] Units =
    [
        "cero", "uno", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez",
        "once", "doce", "trece", "catorce", "quince", "dieciséis", "diecisiete", "dieciocho", "diecinueve",
        "veinte", "veintiuno", "veintidós", "veintitrés", "veinticuatro", "veinticinco", "veintiséis",
        "veintisiete", "veintiocho", "veintinueve",
    ];

    private static readonly string[] Tens =
        ["", "", "", "treinta", "cuarenta", "cincuenta", "sesenta", "setenta", "ochenta", "noventa"];

    private static readonly string[] Hundreds =
    [
        "", "ciento", "doscientos", "trescientos", "cuatrocientos", "quinientos", "seiscientos",
        "setecientos", "ochocientos", "novecientos",
    ];

    public static string Words(int n)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n));
        if (n >= 1_000_000_000) throw new ArgumentOutOfRangeException(nameof(n), "beyond any module's count");
        if (n < 30) return Units[n];
        if (n < 100) return Tens[n / 10] + (n % 10 == 0 ? "" : " y " + Units[n % 10]);
        if (n == 100) return "cien";
        if (n < 1000) return Hundreds[n / 100] + (n % 100 == 0 ? "" : " " + Words(n % 100));
        if (n < 1_000_000)
        {
            var thousands = n / 1000;
            var head = thousands == 1 ? "mil" : Apocope(Words(thousands)) + " mil";
            return head + (n % 1000 == 0 ? "" : " " + Words(n % 1000));
        }
        var millions = n / 1_000_000;
        var mhead = millions == 1 ? "un millón" : Apocope(Words(millions)) + " millones";
        return mhead + (n % 1_000_000 == 0 ? "" : " " + Words(n % 1_000_000));
    }

    // "veintiún mil", "treinta y un mil": uno shortens before a noun.
    private static string Apocope(string words) =>
        words.EndsWith("veintiuno", StringComparison.Ordinal) ? words[..^"veintiuno".Length] + "veintiún"
        : words.EndsWith("uno", StringComparison.Ordinal) ? words[..^3] + "un"
        : words;
}
