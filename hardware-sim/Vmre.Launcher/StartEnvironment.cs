namespace Vmre.Launcher;

/// <summary>
/// The environment the measured terminal gets: an allow-list, not the caller's (security review of
/// issue 10 point 1). LD_PRELOAD, LD_LIBRARY_PATH, DOTNET_STARTUP_HOOKS, DOTNET_ADDITIONAL_DEPS,
/// CORECLR_* profilers and the like load code that was never measured into the process that
/// unseals, so none of them passes. Nothing in terminal-app, devices or common reads another
/// variable (FAPI's TSS2_FAPICONF is set by the terminal itself, FapiNative.SetEnv); TSS2_LOG only
/// quiets the TSS's own logging.
/// </summary>
internal static class StartEnvironment
{
    public const string FixedPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static readonly string[] Allowed =
        ["HOME", "LANG", "LC_ALL", "TZ", "TMPDIR", "TSS2_LOG", "DOTNET_ROOT", "DOTNET_CLI_TELEMETRY_OPTOUT", "DOTNET_NOLOGO"];

    /// <summary>"NAME=value" entries for execve(2): the allowed variables the caller set, and the fixed PATH.</summary>
    public static IReadOnlyList<string> From(Func<string, string?> caller)
    {
        var entries = new List<string> { "PATH=" + FixedPath };
        foreach (var name in Allowed)
            if (caller(name) is { } value) entries.Add($"{name}={value}");
        return entries;
    }
}
