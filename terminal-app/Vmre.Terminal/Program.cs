using Vmre.Cli;
using Vmre.Terminal;
using Vmre.Terminal.Setup;
using Vmre.Terminal.Tpm;

// vmre-terminal provision|seal|reseal|run (terminal-app/README.md, "How to run").
// The booth serialises voters behind one lock and talks to its devices synchronously, so a few
// pool threads can be blocked for the length of a print; start with enough threads that the
// ballot page and the module server's requests are never queued behind them (rules.md R10).
ThreadPool.SetMinThreads(Math.Max(16, Environment.ProcessorCount), Math.Max(16, Environment.ProcessorCount));
var root = TerminalCommandLine.Create(TerminalHost.Provision, TerminalHost.Run, SealingCommands.Seal, SealingCommands.Reseal);
// Security review of issue 10 point 1: the commands the measured start execs close PCR 13 on every way out.
return ClosedOnExit.Run(root, args, () => CommandLineProgram.Run(root, args, Console.Out, Console.Error), Console.Error);
