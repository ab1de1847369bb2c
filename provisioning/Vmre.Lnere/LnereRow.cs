namespace Vmre.Lnere;

/// <summary>A data row of the LNERE CSV: either a valid record or the reason it is malformed.</summary>
public sealed record LnereRow(int Line, LnereRecord? Record, string? Error)
{
    public bool IsOk => Error is null;

    public static LnereRow Ok(int line, LnereRecord record) => new(line, record, null);
    public static LnereRow Malformed(int line, string reason) => new(line, null, reason);

    public override string ToString() => IsOk ? $"line {Line}: {Record!.Clave}" : $"line {Line}: {Error}";
}
