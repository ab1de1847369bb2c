using Vmre.Cli;
using Vmre.Simulator.Election;

// vmre-sim election [--out DIR] [--voters N] [--seed S] [--lnere-count N] (hardware-sim/README.md).
return await CommandLineProgram.RunAsync(SimulatorCommandLine.Create(async (options, output) =>
{
    var ok = await ModuleElection.Run(options, line => output.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}"));
    return ok ? ExitCode.Ok : ExitCode.Refused;
}), args, Console.Out, Console.Error);
