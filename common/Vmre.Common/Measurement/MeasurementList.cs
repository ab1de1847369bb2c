using System.Security.Cryptography;
using System.Text;

namespace Vmre.Common.Measurement;

/// <summary>
/// What the measured start measures and what PCR 13 holds afterwards (issue 10 point 1,
/// docs/formats/measurements.md). The four items, in this order: the terminal's program folder,
/// its configuration (identity + authority key), the signed module config, the signed election package.
/// </summary>
public static class MeasurementList
{
    /// <summary>PCR 13, SHA-256 bank: not resettable by software (never 16 or 23, which are, at locality 0).</summary>
    public const int Pcr = 13;

    public const string Program = "program";
    public const string TerminalConfig = "terminal-config";
    public const string ModuleConfig = "module-config";
    public const string ElectionPackage = "election-package";
    public static readonly IReadOnlyList<string> Names = [Program, TerminalConfig, ModuleConfig, ElectionPackage];

    // The terminal's data-folder file names (terminal-app Setup: TerminalIdentity, InstalledElection),
    // repeated here because Common sits below the terminal.
    public const string TerminalIdentityFile = "terminal.json";
    public const string AuthorityKeyFile = "authority.pub.pem";
    public const string ModuleConfigFile = "module-config.signed.json";
    public const string PackageFile = "election-package.signed.json";

    /// <summary>Extended once the terminal has unsealed, so nothing started later can unseal again.</summary>
    public static readonly byte[] ClosingValue = SHA256.HashData("vmre-measured-start/closed/1"u8);

    /// <summary>The four items of the terminal whose program is <paramref name="programDir"/> and data <paramref name="dataDir"/>.</summary>
    public static IReadOnlyList<MeasuredItem> Of(string programDir, string dataDir) =>
    [
        new(Program, Hex(Listing(programDir, RegularFiles(programDir)))),
        new(TerminalConfig, Hex(Listing(dataDir, [TerminalIdentityFile, AuthorityKeyFile]))),
        new(ModuleConfig, FileHash(Path.Combine(dataDir, ModuleConfigFile), Absent)),
        new(ElectionPackage, FileHash(Path.Combine(dataDir, PackageFile), Absent)),
    ];

    /// <summary>
    /// What the TPM holds after extending <paramref name="items"/> from a power-on zero.
    /// Fapi_PcrExtend is TPM2_PCR_Event, which extends the SHA-256 of the bytes it is given:
    /// pcr = SHA256(pcr || SHA256(itemDigest)), folded from 32 zero bytes.
    /// </summary>
    public static byte[] ExpectedPcr(IReadOnlyList<MeasuredItem> items)
    {
        var pcr = new byte[32];
        foreach (var item in items) pcr = Extend(pcr, item.Digest());
        return pcr;
    }

    /// <summary>One extend of the SHA-256 bank with the event digest SHA256(data).</summary>
    public static byte[] Extend(byte[] pcr, byte[] data) => SHA256.HashData([.. pcr, .. SHA256.HashData(data)]);

    /// <summary>
    /// The sha256sum-format listing: "&lt;sha256hex&gt;  &lt;relative/path&gt;\n" per file, paths with '/',
    /// sorted by ordinal byte order of their UTF-8 form. A missing file is listed as "missing"
    /// so that a folder without it measures differently from every real one.
    /// </summary>
    public static byte[] Listing(string root, IEnumerable<string> relativePaths)
    {
        var text = new StringBuilder();
        foreach (var rel in relativePaths.Select(p => p.Replace('\\', '/')).OrderBy(p => Encoding.UTF8.GetBytes(p), Utf8Order.Instance))
            text.Append(FileHash(Path.Combine(root, rel), "missing")).Append("  ").Append(rel).Append('\n');
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Every regular file under the folder (symbolic links are not followed), relative, with '/'.</summary>
    public static IEnumerable<string> RegularFiles(string root)
    {
        var full = Path.GetFullPath(root);
        return new DirectoryInfo(full).EnumerateFiles("*", new EnumerationOptions
            {
                RecurseSubdirectories = true,
                AttributesToSkip = FileAttributes.ReparsePoint, // dot files count (.NET calls them hidden)
                IgnoreInaccessible = false,                    // an unreadable file is an error, never skipped
            })
            .Select(f => Path.GetRelativePath(full, f.FullName).Replace(Path.DirectorySeparatorChar, '/'));
    }

    /// <summary>The digest of a single-file item whose file is absent: 64 zeros, which no file hashes to.</summary>
    public const string Absent = "0000000000000000000000000000000000000000000000000000000000000000";

    private static string FileHash(string path, string absent) =>
        File.Exists(path) ? Hex(File.ReadAllBytes(path)) : absent;

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private sealed class Utf8Order : IComparer<byte[]>
    {
        public static readonly Utf8Order Instance = new();
        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
