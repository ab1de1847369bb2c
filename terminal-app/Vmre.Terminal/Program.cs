using Vmre.Terminal;
using Vmre.Terminal.Setup;

// vmre-terminal provision --data DIR --tcti TCTI --terminal-id ID
// vmre-terminal run --data DIR --tcti TCTI --urls URL --server URL --printer PORT --scanner PORT [--gpio sim]
if (args.Length == 0 || args[0] is "--help" or "-h")
{
    Console.WriteLine(TerminalHost.Usage);
    return 0;
}
// The booth serialises voters behind one lock and talks to its devices synchronously, so a few
// pool threads can be blocked for the length of a print; start with enough threads that the
// ballot page and the module server's requests are never queued behind them (brief rule 10).
ThreadPool.SetMinThreads(Math.Max(16, Environment.ProcessorCount), Math.Max(16, Environment.ProcessorCount));
try
{
    var options = TerminalOptions.Parse(args[1..]);
    return args[0] switch
    {
        "provision" => TerminalHost.Provision(options),
        "run" => TerminalHost.Run(options),
        _ => TerminalHost.UsageError($"unknown command '{args[0]}'"),
    };
}
catch (ArgumentException e)
{
    return TerminalHost.UsageError(e.Message);
}
