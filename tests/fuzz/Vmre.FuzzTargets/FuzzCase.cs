using System.Text;

namespace Vmre.FuzzTargets;

/// <summary>How a case was made: a valid input must be accepted, the others may be refused.</summary>
public enum CaseOrigin { Valid, Mutated, Random }

/// <summary>
/// One generated input. Text targets (MRZ, testigo, activation token) carry a string, kept
/// as UTF-16 so lone surrogates and control chars reach the decoder; the printer target carries bytes.
/// </summary>
/// <param name="Expected">For a valid case, what it must decode to where the target checks that
/// (the QR payload a firmware ticket must print); null otherwise.</param>
public sealed record FuzzCase(CaseOrigin Origin, string? Text, byte[]? Bytes, string? Expected = null)
{
    public static FuzzCase OfText(CaseOrigin origin, string text) => new(origin, text, null);
    public static FuzzCase OfBytes(CaseOrigin origin, byte[] bytes) => new(origin, null, bytes);

    /// <summary>The input in hex, to reproduce a failure by hand: UTF-16 code units for text, bytes otherwise.</summary>
    public string Hex()
    {
        if (Bytes is not null) return Convert.ToHexString(Bytes);
        var hex = new StringBuilder(Text!.Length * 5);
        foreach (char c in Text) hex.Append(((int)c).ToString("X4")).Append(' ');
        return "UTF-16 " + hex.ToString().TrimEnd();
    }
}
