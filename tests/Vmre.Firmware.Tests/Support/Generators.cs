using CsCheck;
using Vmre.Firmware.Testigo;

namespace Vmre.Firmware.Tests.Support;

/// <summary>CsCheck generators of valid synthetic inputs shared by the property tests.</summary>
internal static class Generators
{
    public const string IdChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-";
    public const string PartyChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    public const string NameLetters = "ABCDEFGHIJKLMNOPQRSTUVWXYZÑÁÉÍÓÚÜ";

    public static Gen<string> Hex(string alphabet, int length) => Gen.String[Gen.Char[alphabet], length, length];

    public static readonly Gen<string> Election8 = Hex("0123456789abcdef", 8);
    public static readonly Gen<string> TestigoId = Hex("0123456789ABCDEF", 20);
    public static readonly Gen<string> Nonce = Hex("0123456789abcdef", 32);
    public static readonly Gen<string> PackageId = Hex("0123456789abcdef", 16);
    public static readonly Gen<string> Style = Gen.String[Gen.Char[IdChars], 1, 8];
    public static readonly Gen<string> ModuleId = Gen.String[Gen.Char[IdChars], 1, 16];

    // Distinct by construction: each item ends with its own index digit.
    static Gen<string[]> Distinct(string alphabet, int maxPrefix, int min, int max) =>
        Gen.String[Gen.Char[alphabet], 0, maxPrefix].Array[min, max]
            .Select(a => a.Select((s, i) => s + i.ToString()).ToArray());

    public static readonly Gen<string> WriteInName =
        Gen.String[Gen.Char[NameLetters], 1, 8].Array[1, 4].Select(words => string.Join(" ", words));

    static Gen<ContestMarks> Marks(string contestId) => Gen.Int[0, 2].SelectMany(kind => kind switch
    {
        0 => Gen.Const(ContestMarks.Nothing(contestId)),
        1 => Distinct(PartyChars, 9, 1, 4).Select(codes => ContestMarks.Parties(contestId, codes)),
        _ => WriteInName.Select(name => ContestMarks.WriteIn(contestId, name)),
    });

    public static readonly Gen<ContestMarks[]> Contests =
        Distinct(IdChars, 15, 1, 8).SelectMany(ids =>
            ids.Aggregate(Gen.Const(Array.Empty<ContestMarks>()),
                (acc, id) => acc.SelectMany(list => Marks(id).Select(m => list.Append(m).ToArray()))));

    public static readonly Gen<TestigoPayload> Payload =
        Gen.Select(Election8, Style, Contests, (e, s, c) => new TestigoPayload(e, s, c))
            .Where(p => p.Validate() == null);

    /// <summary>A valid string with one char replaced, inserted or deleted.</summary>
    public static Gen<string> Mutated(Gen<string> valid) =>
        Gen.Select(valid, Gen.Int[0, 2], Gen.Int[0, 1000], Gen.Char, (s, op, pos, c) =>
        {
            if (s.Length == 0) return c.ToString();
            int p = pos % s.Length;
            return op switch
            {
                0 => s.Substring(0, p) + c + s.Substring(p + 1),
                1 => s.Insert(p, c.ToString()),
                _ => s.Remove(p, 1),
            };
        });
}
