using Vmre.Common.Serialization;

namespace Vmre.ModuleServer.Hosting;

/// <summary>
/// <c>vmre-module-server --data DIR --urls URL [--printer DEVICE] [--terminal ID=URL ...]</c>,
/// parsed at the boundary: a wrong command line is a reason, not an exception.
/// </summary>
public static class CommandLine
{
    public const string Usage =
        "usage: vmre-module-server --data DIR --urls http://127.0.0.1:PORT [--printer /dev/pts/N] [--terminal ID=URL ...]";

    public static Parsed<ModuleServerOptions> Parse(IReadOnlyList<string> args)
    {
        string? data = null, urls = null, printer = null;
        var terminals = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var flag = args[i];
            if (i + 1 >= args.Count) return Parsed<ModuleServerOptions>.Fail($"{flag} needs a value");
            var value = args[++i];
            switch (flag)
            {
                case "--data": data = value; break;
                case "--urls": urls = value; break;
                case "--printer": printer = value; break;
                case "--terminal":
                    var eq = value.IndexOf('=');
                    if (eq <= 0 || eq == value.Length - 1)
                        return Parsed<ModuleServerOptions>.Fail($"--terminal expects ID=URL, got '{value}'");
                    var url = value[(eq + 1)..];
                    if (!Uri.TryCreate(url, UriKind.Absolute, out _))
                        return Parsed<ModuleServerOptions>.Fail($"--terminal {value[..eq]}: '{url}' is not an absolute URL");
                    if (!terminals.TryAdd(value[..eq], url))
                        return Parsed<ModuleServerOptions>.Fail($"--terminal {value[..eq]} given twice");
                    break;
                default:
                    return Parsed<ModuleServerOptions>.Fail($"unknown option {flag}");
            }
        }
        if (data is null) return Parsed<ModuleServerOptions>.Fail("--data DIR is required");
        if (urls is null) return Parsed<ModuleServerOptions>.Fail("--urls is required");
        return Parsed<ModuleServerOptions>.Ok(new ModuleServerOptions(data, urls)
        {
            PrinterPath = printer,
            TerminalUrls = terminals,
        });
    }
}
