using Vmre.Cli;
using Vmre.ModuleServer.Hosting;

// vmre-module-server: one module's server (module-server/README.md, "How to run").
return await CommandLineProgram.RunAsync(CommandLine.Create(ModuleServerRun.Serve, Vmre.ModuleServer.Tpm.ServerProvisioning.Run), args, Console.Out, Console.Error);
