using Vmre.Cli;
using Vmre.Terminal;
using Vmre.Terminal.Setup;

// vmre-terminal provision|seal|reseal|run (terminal-app/README.md, "How to run").
// The booth serialises voters behind one lock and talks to its devices synchronously, so a few
// pool threads can be blocked for the length of a print; start with enough threads that the
// ballot page and the module server's requests are never queued behind them (rules.md R10).
ThreadPool.SetMinThreads(Math.Max(16, Environment.ProcessorCount), Math.Max(16, Environment.ProcessorCount));
return CommandLineProgram.Run(TerminalCommandLine.Create(TerminalHost.Provision, TerminalHost.Run, SealingCommands.Seal, SealingCommands.Reseal), args, Console.Out, Console.Error);
