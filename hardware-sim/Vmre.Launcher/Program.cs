using Vmre.Cli;
using Vmre.Launcher;

// vmre-launch --program DIR --data DIR --tcti TCTI -- COMMAND [ARGS...] (README.md).
return CommandLineProgram.Run(LauncherCommandLine.Create(Launch.Run), args, Console.Out, Console.Error);
