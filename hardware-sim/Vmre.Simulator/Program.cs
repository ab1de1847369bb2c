using Vmre.Simulator.Election;

// vmre-sim election [--out DIR] [--voters N] [--seed S] [--lnere-count N]
if (args.Length == 0 || args[0] is "--help" or "-h" || args[0] != "election")
{
    Console.WriteLine("vmre-sim election [--out DIR] [--voters N] [--seed S] [--lnere-count N]\n"
        + "  Runs one whole simulated module election on real parts and writes its artifacts to DIR.");
    return args.Length == 0 || args[0] is "--help" or "-h" ? 0 : 2;
}
SimulationOptions options;
try
{
    options = SimulationOptions.Parse(args[1..]);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine("vmre-sim: " + e.Message);
    return 2;
}
var ok = await ModuleElection.Run(options, line => Console.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {line}"));
return ok ? 0 : 1;
