using Vmre.ModuleServer.Hosting;

if (args is ["--help"] or ["-h"])
{
    Console.WriteLine(CommandLine.Usage);
    Console.WriteLine("  DIR holds authority.pub.pem, election-package.signed.json, lnere-slice.signed.json,");
    Console.WriteLine("  module-config.signed.json and server.key (see module-server/README.md).");
    return 0;
}

var options = CommandLine.Parse(args);
if (!options.IsOk)
{
    Console.Error.WriteLine(options.Error);
    Console.Error.WriteLine(CommandLine.Usage);
    return 2;
}

// Brief rule 5: a module whose signed inputs do not verify must not serve voters at all.
var app = ModuleServerApp.Build(options.Value!);
if (!app.IsOk)
{
    Console.Error.WriteLine("vmre-module-server refused to start: " + app.Error);
    return 1;
}

await app.Value!.RunAsync();
return 0;
