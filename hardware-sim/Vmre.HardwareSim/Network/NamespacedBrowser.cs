using System.Text;
using Vmre.Common.Serialization;

namespace Vmre.HardwareSim.Network;

/// <summary>
/// A browser that runs inside a terminal's namespace, so a kiosk face listening on that
/// namespace's 127.0.0.1 is what it reaches (issue 8 point 5). Playwright's ExecutablePath takes
/// one file, so this writes a small script that execs `ip netns exec NS chromium "$@"`; Playwright
/// talks to the browser over inherited pipes, which survive both execs.
/// </summary>
public static class NamespacedBrowser
{
    public const string DebianChromium = "/usr/bin/chromium";

    /// <summary>Writes the launcher into DIR (made if missing) and returns its path, or why not.</summary>
    public static Parsed<string> ExecutablePath(string ns, string directory, string browser = DebianChromium, string ipPath = "ip")
    {
        if (ns.Contains('/') || !File.Exists(Path.Combine(NamespaceConnector.NamedNamespaces, ns)))
            return Parsed<string>.Fail($"no network namespace '{ns}' for the browser");
        if (!OperatingSystem.IsLinux()) return Parsed<string>.Fail("network namespaces are Linux only");
        if (!File.Exists(browser)) return Parsed<string>.Fail($"no browser at {browser}");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"browser-in-{ns}");
        var script = new StringBuilder()
            .Append("#!/bin/sh\n")
            .Append("# Written by Vmre.HardwareSim.Network.NamespacedBrowser: the browser inside ").Append(ns).Append(".\n")
            .Append("exec ").Append(Quoted(ipPath)).Append(" netns exec ").Append(Quoted(ns)).Append(' ')
            .Append(Quoted(browser)).Append(" \"$@\"\n");
        File.WriteAllText(path, script.ToString());
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                   | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        return Parsed<string>.Ok(path);
    }

    /// <summary>Single quotes for sh: nothing inside is expanded.</summary>
    private static string Quoted(string word) => "'" + word.Replace("'", "'\\''") + "'";
}
