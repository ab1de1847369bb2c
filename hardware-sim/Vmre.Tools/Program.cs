using Vmre.Tools.Cli;

// vmre-tools: the technician's bench tools (hardware-sim/Vmre.Tools/README.md): look at a
// ticket's bytes as paper, read a credential's MRZ, read a testigo's QR.
return ToolTable.Run(args, Console.Out, Console.Error, Console.In);
