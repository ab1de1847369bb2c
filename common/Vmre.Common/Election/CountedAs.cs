namespace Vmre.Common.Election;

/// <summary>
/// How a marking counts in the acta: for one party, for a coalition combination, for a
/// candidatura no registrada, or null. Key is stable and used in tallies: "PAN",
/// "PAN+PRI", "CNR", "NULO".
/// </summary>
public sealed record CountedAs(CountKind Kind, string Key)
{
    public const string WriteInKey = "CNR";
    public const string NullKey = "NULO";

    public static readonly CountedAs WriteIn = new(CountKind.WriteIn, WriteInKey);
    public static readonly CountedAs Null = new(CountKind.Null, NullKey);
}

public enum CountKind { Party, Combination, WriteIn, Null }
