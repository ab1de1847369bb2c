namespace Vmre.Audit.Paper;

/// <summary>
/// What a scanner reads off one paper's image: every QR text and every Code128 text, each top to
/// bottom. The recount reads a testigo (VMRE-T2 QR) and its marks (VMRE-M1 Code128) from these
/// alone (issue 9 §2, the counters' rule).
/// </summary>
public sealed record PageSymbols(string[] QrTexts, string[] Code128Texts)
{
    public static readonly PageSymbols None = new([], []);
}
